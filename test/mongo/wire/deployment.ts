// The stand-in as a test uses it: the nodes a rendered config.json names, each an
// instance on its own 127.x address and the rendered port, sharing one Cluster; and the
// address every host name resolves to in the pods' /etc/hosts (the members of other
// regions, which do not exist here, to an address where nothing listens).
import { loopbackAddressesWithFreePorts } from "../../support/process.ts";
import type { JobConfig } from "../job-config.ts";
import { Instance } from "./server.ts";
import { Cluster, type Node, type NodeOptions } from "./state.ts";

const nameOf = (host: string) => host.replace(/:\d+$/, "");

export class WireDeployment {
  readonly cluster: Cluster;
  private readonly instances = new Map<string, Instance>();
  private readonly addresses = new Map<string, string>();
  private readonly free: string[];
  /** Where the names of hosts that do not exist here resolve: nothing listens there. */
  private readonly nowhere: string;

  private constructor(
    readonly port: number,
    keyFile: string,
    addresses: string[],
    electionDelayMs: number,
  ) {
    this.cluster = new Cluster(keyFile, electionDelayMs);
    this.nowhere = addresses.pop()!;
    this.free = addresses;
  }

  /** A deployment whose nodes will listen on `port`, each on a 127.x address of its own. */
  static async create(port: number, keyFile: string, options: { nodes?: number; electionDelayMs?: number } = {}): Promise<WireDeployment> {
    const addresses = await loopbackAddressesWithFreePorts((options.nodes ?? 12) + 1, [port]);
    return new WireDeployment(port, keyFile, addresses, options.electionDelayMs ?? 1000);
  }

  node(host: string): Node {
    const instance = this.instances.get(host);
    if (!instance) throw new Error(`no stand-in node ${host}`);
    return instance.node;
  }

  /** The address of a host (and of its other names, a Service's), the same one every time it is asked. */
  private reserve(host: string, aliases: readonly string[] = []): string {
    let address = this.addresses.get(nameOf(host));
    if (!address) {
      address = this.free.shift();
      if (!address) throw new Error("the stand-in deployment has no address left; create it with more nodes");
    }
    for (const name of [host, ...aliases]) this.addresses.set(nameOf(name), address);
    return address;
  }

  /** Gives every host config.json names here its address, before any starts (the pods' /etc/hosts is written first). */
  plan(config: JobConfig): void {
    if (config.standalone) this.reserve(config.standalone, config.app.hosts);
    for (const set of config.sets) for (const m of set.members.filter((m) => m.local)) this.reserve(m.host);
    if (config.mongos) this.reserve(config.mongos);
  }

  /** Starts a node (a pod whose mongod or mongos comes up), also known under `aliases` (a Service's name). */
  async start(options: Omit<NodeOptions, "address">, aliases: readonly string[] = [], extraAddresses: readonly string[] = []): Promise<Node> {
    const existing = this.instances.get(options.host);
    if (existing) {
      await existing.start();
      return existing.node;
    }
    const node = this.cluster.add({ ...options, address: this.reserve(options.host, aliases) });
    const instance = new Instance(this.cluster, node, extraAddresses);
    this.instances.set(options.host, instance);
    await instance.start();
    return node;
  }

  /**
   * Starts what config.json names here: the standalone (with its Service's name), the local
   * members of each set, the mongos. `localhost`: the node that also listens on 127.0.0.1
   * (the pod whose probes run: they connect to localhost).
   */
  async startFor(config: JobConfig, options: { localhost?: string } = {}): Promise<void> {
    const extra = (host: string) => (host === options.localhost ? ["127.0.0.1"] : []);
    if (config.standalone) await this.start({ host: config.standalone }, config.app.hosts, extra(config.standalone));
    for (const set of config.sets) {
      for (const m of set.members.filter((m) => m.local)) await this.start({ host: m.host, replSet: set.name, ...(set.role ? { role: set.role } : {}) }, [], extra(m.host));
    }
    const configSet = config.sets.find((s) => s.role === "configsvr");
    if (config.mongos && configSet) await this.start({ host: config.mongos, mongosOf: configSet.name });
  }

  async stop(host: string): Promise<void> {
    await this.instances.get(host)?.stop();
  }

  /** Stops a node, changes how it runs (its command line: --replSet, say), starts it again with its data. */
  async restart(host: string, change: (node: Node) => void): Promise<void> {
    await this.stop(host);
    change(this.node(host));
    await this.instances.get(host)!.start();
  }

  /** Every host name (without port) given an address so far. */
  names(): string[] {
    return [...this.addresses.keys()];
  }

  /** The address a host name (without port) resolves to in the pods. */
  addressOf = (name: string): string => this.addresses.get(name) ?? this.nowhere;

  async close(): Promise<void> {
    this.cluster.stopElections();
    for (const instance of this.instances.values()) await instance.stop();
  }
}
