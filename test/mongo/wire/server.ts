// One stand-in instance: a TCP listener on its node's 127.x address that reads wire
// messages, runs each command against the shared state and writes the reply. Stopping it
// closes the listener and every connection (clients then see ECONNREFUSED, as from a
// stopped mongod) and, for a primary, starts an election among the others.
import { createServer, type Server, type Socket } from "node:net";
import { execute } from "./commands/index.ts";
import type { Session } from "./commands/context.ts";
import { encodeReply, MessageReader, parseRequest } from "./messages.ts";
import type { Cluster, Node } from "./state.ts";

let connections = 0;

export class Instance {
  private servers: Server[] = [];
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly cluster: Cluster,
    readonly node: Node,
    /** More addresses to listen on (127.0.0.1 for a probe that connects to localhost). */
    private readonly extraAddresses: readonly string[] = [],
  ) {}

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    const reader = new MessageReader();
    const session: Session = { connectionId: ++connections, user: undefined, conversation: undefined };
    socket.on("data", (chunk: Buffer) => {
      try {
        for (const message of reader.push(chunk)) {
          const request = parseRequest(message);
          const reply = execute(request.command, { cluster: this.cluster, node: this.node, db: request.db, session });
          if (!request.noReply) socket.write(encodeReply(request, reply));
        }
      } catch (error) {
        this.cluster.log(`${this.node.host}: closing a connection: ${String(error)}`, false);
        socket.destroy();
      }
    });
  }

  async start(): Promise<void> {
    if (this.node.up) return;
    for (const address of [this.node.address, ...this.extraAddresses]) {
      const server = createServer((socket) => this.serve(socket));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(this.node.port, address, () => resolve());
      });
      this.servers.push(server);
    }
    this.node.up = true;
    this.cluster.log(`${this.node.host}: up on ${this.node.address}:${this.node.port}`, false);
    this.node.set?.electSoon();
  }

  async stop(): Promise<void> {
    if (!this.node.up) return;
    this.node.up = false;
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    this.servers = [];
    const set = this.node.set;
    if (set?.primary === this.node.host) {
      set.primary = null;
      set.electSoon();
    }
    this.cluster.log(`${this.node.host}: down`, false);
  }
}
