// A tiny DNS server on 127.0.0.1 for nginx's resolver, which reads neither /etc/hosts
// nor search domains: it answers A queries from a table the test can change.
import { createSocket, type Socket } from "node:dgram";

const TYPE_A = 1;
const CLASS_IN = 1;

export interface DnsServer {
  readonly port: number;
  /** Replace the A records of a name (an empty list: the name does not exist). */
  set(name: string, addresses: readonly string[]): void;
  /** Names asked for so far, lower case, in order. */
  readonly queries: string[];
  stop(): Promise<void>;
}

export async function startDnsServer(records: Readonly<Record<string, readonly string[]>>, ttlSeconds = 1): Promise<DnsServer> {
  const table = new Map<string, readonly string[]>();
  const set = (name: string, addresses: readonly string[]) => table.set(name.toLowerCase().replace(/\.$/, ""), addresses);
  for (const [name, addresses] of Object.entries(records)) set(name, addresses);
  const queries: string[] = [];

  const socket: Socket = createSocket("udp4");
  socket.on("message", (query, peer) => {
    const parsed = parseQuestion(query);
    if (!parsed) return;
    queries.push(parsed.name);
    const addresses = table.get(parsed.name);
    const answers = parsed.type === TYPE_A ? (addresses ?? []) : [];
    socket.send(answer(query, parsed.end, addresses === undefined ? 3 : 0, answers, ttlSeconds), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return {
    port: socket.address().port,
    set,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** The first question: name (lower case), type, and where the question section ends. */
function parseQuestion(message: Buffer): { name: string; type: number; end: number } | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < message.length && message[at] !== 0) {
    const length = message[at] ?? 0;
    labels.push(message.toString("latin1", at + 1, at + 1 + length));
    at += 1 + length;
  }
  if (at + 5 > message.length) return undefined;
  return { name: labels.join(".").toLowerCase(), type: message.readUInt16BE(at + 1), end: at + 5 };
}

/** A response echoing the question, with rcode (0 ok, 3 no such name) and A records. */
function answer(query: Buffer, questionEnd: number, rcode: number, addresses: readonly string[], ttl: number): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const recursionDesired = (query.readUInt16BE(2) & 0x0100) !== 0;
  header.writeUInt16BE(0x8000 | 0x0400 | (recursionDesired ? 0x0100 : 0) | 0x0080 | rcode, 2); // QR, AA, RD, RA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const records = addresses.map((address) => {
    const record = Buffer.alloc(16);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(TYPE_A, 2);
    record.writeUInt16BE(CLASS_IN, 4);
    record.writeUInt32BE(ttl, 6);
    record.writeUInt16BE(4, 10);
    address.split(".").forEach((byte, i) => record.writeUInt8(Number(byte), 12 + i));
    return record;
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...records]);
}
