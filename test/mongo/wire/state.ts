// What the stand-in's instances share, as mongod's members of one deployment would: each
// node (a mongod or a mongos, named by its "host:port" as config.json names it), the data
// a node or a replica set holds (users, collections and their indexes), the replica sets
// with their configs, terms and primaries, and the sharding catalog the config servers
// keep. Elections happen electionDelayMs after a set loses its primary (or first forms),
// as mongod elects after its election timeout. Every change is logged in `writes`, so a
// test can tell a run that changed nothing.
import { ObjectId, UUID, type Document } from "bson";
import { credentialsFor, type Credentials } from "./scram.ts";

export interface Role {
  role: string;
  db: string;
}

export interface User {
  user: string;
  db: string;
  userId: UUID;
  roles: Role[];
  credentials: Credentials;
}

export interface Index {
  v: 2;
  key: Document;
  name: string;
  [option: string]: unknown;
}

/** The databases of one mongod, or of one replica set (its members hold the same, by replication). */
export class Data {
  /** Keyed "db.user". */
  readonly users = new Map<string, User>();
  /** Namespace ("db.collection") to its indexes, _id_ first. */
  readonly collections = new Map<string, Index[]>();
}

export interface MemberConfig {
  _id: number;
  host: string;
  arbiterOnly: boolean;
  buildIndexes: boolean;
  hidden: boolean;
  priority: number;
  tags: Document;
  secondaryDelaySecs: number;
  votes: number;
}

export interface SetConfig {
  _id: string;
  version: number;
  term: number;
  protocolVersion: number;
  writeConcernMajorityJournalDefault: boolean;
  configsvr?: boolean;
  members: MemberConfig[];
  settings: Document;
}

/** Replica set member states (https://www.mongodb.com/docs/manual/reference/replica-states/). */
export const STATE = { PRIMARY: 1, SECONDARY: 2, DOWN: 8 } as const;
export const STATE_NAMES: Record<number, string> = { 1: "PRIMARY", 2: "SECONDARY", 8: "(not reachable/healthy)" };

export interface NodeOptions {
  /** "host:port" as the config names it. */
  host: string;
  /** The 127.x address it listens on. */
  address: string;
  /** mongod --replSet. */
  replSet?: string;
  /** mongod --configsvr or --shardsvr. */
  role?: "configsvr" | "shardsvr";
  /** A mongos whose config servers are this replica set. */
  mongosOf?: string;
}

export class Node {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  replSet: string | undefined;
  role: "configsvr" | "shardsvr" | undefined;
  readonly mongosOf: string | undefined;
  up = false;
  /** Its own data: a standalone's, or what it brings to replSetInitiate. */
  data = new Data();
  /** The set whose current config names this node. */
  set: ReplicaSet | undefined;
  /** replSetStepDown: not electable before this time. */
  steppedDownUntil = 0;
  readonly startedAt = Date.now();

  constructor(options: NodeOptions) {
    this.host = options.host;
    this.address = options.address;
    this.port = Number(options.host.split(":").at(-1));
    this.replSet = options.replSet;
    this.role = options.role;
    this.mongosOf = options.mongosOf;
  }

  /** The data its commands read and write: its set's, once it is a member. */
  get current(): Data {
    return this.set?.data ?? this.data;
  }
}

const MEMBER_DEFAULTS = { arbiterOnly: false, buildIndexes: true, hidden: false, priority: 1, tags: {}, secondaryDelaySecs: 0, votes: 1 };

/** A config as mongod stores it: every member field with its default, settings filled in. */
export function normalizeConfig(config: Document, version: number, term: number): SetConfig {
  const members = (config.members as Document[]).map((m) => ({ ...MEMBER_DEFAULTS, ...m, _id: Number(m._id), host: String(m.host) }) as MemberConfig);
  return {
    _id: String(config._id),
    version,
    term,
    protocolVersion: 1,
    writeConcernMajorityJournalDefault: true,
    ...(config.configsvr ? { configsvr: true } : {}),
    members,
    settings: { chainingAllowed: true, heartbeatIntervalMillis: 2000, heartbeatTimeoutSecs: 10, electionTimeoutMillis: 10000, catchUpTimeoutMillis: -1, replicaSetId: new ObjectId(), ...(config.settings as Document | undefined) },
  };
}

export const isVoter = (m: MemberConfig) => m.votes > 0;
export const majorityOf = (voters: number) => Math.floor(voters / 2) + 1;

export class ReplicaSet {
  primary: string | null = null;
  private election: NodeJS.Timeout | undefined;

  constructor(
    private readonly cluster: Cluster,
    public config: SetConfig,
    public readonly data: Data,
  ) {}

  get name(): string {
    return this.config._id;
  }

  /** The member state of `host` as the set sees it. */
  stateOf(host: string): number {
    const node = this.cluster.nodes.get(host);
    if (!node?.up) return STATE.DOWN;
    return this.primary === host ? STATE.PRIMARY : STATE.SECONDARY;
  }

  member(host: string): MemberConfig | undefined {
    return this.config.members.find((m) => m.host === host);
  }

  /** Hosts the drivers see (hello's hosts and passives): neither hidden nor arbiters; priority 0 is passive. */
  hosts(passive: boolean): string[] {
    return this.config.members.filter((m) => !m.hidden && !m.arbiterOnly && (m.priority === 0) === passive).map((m) => m.host);
  }

  /** Holds an election after the delay, unless there is a primary by then (or elections are held back). */
  electSoon(): void {
    if (this.election || this.primary || this.heldBack) return;
    this.election = setTimeout(() => {
      this.election = undefined;
      this.elect();
    }, this.cluster.electionDelayMs);
  }

  private heldBack = false;

  /** The primary is lost and no election succeeds until allowElections(): every member answers, none is primary. */
  withoutPrimary(): void {
    clearTimeout(this.election);
    this.election = undefined;
    this.heldBack = true;
    this.cluster.log(`${this.name}: ${this.primary ?? "nobody"} is no longer primary; no election until the test allows one`, false);
    this.primary = null;
  }

  allowElections(): void {
    this.heldBack = false;
    this.electSoon();
  }

  /** Elects the electable member with the highest priority (lowest _id on a tie), if a majority of voters is up. */
  private elect(): void {
    if (this.primary) return;
    const voters = this.config.members.filter(isVoter);
    const up = voters.filter((m) => this.cluster.nodes.get(m.host)?.up).length;
    if (up < majorityOf(voters.length)) return;
    const now = Date.now();
    const candidate = this.config.members
      .filter((m) => isVoter(m) && m.priority > 0 && !m.hidden && !m.arbiterOnly)
      .filter((m) => {
        const node = this.cluster.nodes.get(m.host);
        return node?.up && node.steppedDownUntil <= now;
      })
      .sort((a, b) => b.priority - a.priority || a._id - b._id)[0];
    if (!candidate) return;
    this.config = { ...this.config, term: this.config.term + 1 };
    this.primary = candidate.host;
    this.cluster.log(`${this.name}: ${candidate.host} elected primary in term ${this.config.term}`, false);
  }

  /** An election's outcome the test chooses (any electable member may win one): `host` becomes primary in a new term. */
  makePrimary(host: string): void {
    if (!this.member(host) || !this.cluster.nodes.get(host)?.up) throw new Error(`${host} is not an up member of ${this.name}`);
    this.config = { ...this.config, term: this.config.term + 1 };
    this.primary = host;
    this.cluster.log(`${this.name}: ${host} elected primary in term ${this.config.term}`, false);
  }

  /** The primary's electionId: mongod's is an ObjectId holding the term, increasing with it. */
  electionId(): ObjectId {
    return new ObjectId(`7fffffff${this.config.term.toString(16).padStart(16, "0")}`);
  }

  stop(): void {
    clearTimeout(this.election);
  }
}

/** The sharding catalog of the config servers (config.shards, config.databases, config.collections). */
export interface Catalog {
  shards: { _id: string; host: string; state: number; topologyTime: Date }[];
  databases: Set<string>;
  collections: Map<string, { _id: string; key: Document; unique: boolean; lastmodEpoch: ObjectId; uuid: UUID }>;
}

export class Cluster {
  readonly nodes = new Map<string, Node>();
  readonly sets = new Map<string, ReplicaSet>();
  /** Every change, in order ("rs0: reconfig ...", "createUser admin@admin", ...). */
  readonly writes: string[] = [];
  /** Everything that happened, changes and elections, for a failing test's message. */
  readonly events: string[] = [];
  readonly catalog: Catalog = { shards: [], databases: new Set(), collections: new Map() };
  /** The keyFile's __system@local, as mongod derives it from the keyFile (whitespace removed). */
  readonly systemUser: User;

  constructor(
    keyFile: string,
    readonly electionDelayMs = 1000,
  ) {
    this.systemUser = { user: "__system", db: "local", userId: new UUID(), roles: [{ role: "__system", db: "admin" }], credentials: credentialsFor(keyFile.replace(/[\t-\r ]/g, "")) };
  }

  log(what: string, isWrite = true): void {
    if (isWrite) this.writes.push(what);
    this.events.push(`${new Date().toISOString()} ${what}`);
  }

  add(options: NodeOptions): Node {
    const node = new Node(options);
    this.nodes.set(node.host, node);
    return node;
  }

  /** The data users log in against: a mongos's are its config servers'. */
  dataOf(node: Node): Data | undefined {
    if (node.mongosOf) return this.sets.get(node.mongosOf)?.data;
    return node.current;
  }

  stopElections(): void {
    for (const set of this.sets.values()) set.stop();
  }
}
