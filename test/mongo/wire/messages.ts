// MongoDB wire protocol framing (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/):
// a 16-byte header (messageLength, requestID, responseTo, opCode; little-endian int32s)
// and a body. Requests are OP_MSG (2013), or OP_QUERY (2004) for the driver's first
// handshake, which is answered with OP_REPLY (1). Documents are BSON from the npm `bson`
// package, the one the mongodb driver itself uses.
import { deserialize, serialize, type Document } from "bson";

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;
const HEADER = 16;
// OP_MSG flagBits: a CRC-32C follows the sections; the sender expects no reply.
const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;

export interface Request {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The command document (OP_MSG: section 0 plus any document sequences; OP_QUERY: the query). */
  command: Document;
  /** The database: OP_MSG's $db, or the database of OP_QUERY's "<db>.$cmd". */
  db: string;
  /** OP_MSG's moreToCome: the client wants no reply. */
  noReply: boolean;
}

/** Splits a byte stream into whole messages; keeps the rest for the next chunk. */
export class MessageReader {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readInt32LE(0);
      if (length < HEADER) throw new Error(`bad message length ${length}`);
      if (this.pending.length < length) break;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
    return messages;
  }
}

function cstring(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  if (end < 0) throw new Error("unterminated cstring");
  return [buffer.toString("utf8", offset, end), end + 1];
}

function documentAt(buffer: Buffer, offset: number): [Document, number] {
  const size = buffer.readInt32LE(offset);
  return [deserialize(buffer.subarray(offset, offset + size)), offset + size];
}

export function parseRequest(message: Buffer): Request {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) {
    const flags = message.readUInt32LE(HEADER);
    const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
    let offset = HEADER + 4;
    let command: Document | undefined;
    const sequences: Record<string, Document[]> = {};
    while (offset < end) {
      const kind = message.readUInt8(offset++);
      if (kind === 0) {
        [command, offset] = documentAt(message, offset);
      } else if (kind === 1) {
        const sectionEnd = offset + message.readInt32LE(offset);
        const [identifier, first] = cstring(message, offset + 4);
        let at = first;
        const documents: Document[] = [];
        while (at < sectionEnd) {
          let doc: Document;
          [doc, at] = documentAt(message, at);
          documents.push(doc);
        }
        sequences[identifier] = documents;
        offset = sectionEnd;
      } else {
        throw new Error(`OP_MSG section kind ${kind}`);
      }
    }
    if (!command) throw new Error("OP_MSG without a body section");
    return { requestId, opCode, command: { ...command, ...sequences }, db: String(command.$db ?? "admin"), noReply: (flags & MORE_TO_COME) !== 0 };
  }
  if (opCode === OP_QUERY) {
    // flags int32, fullCollectionName cstring, numberToSkip int32, numberToReturn int32, query.
    const [collection, afterName] = cstring(message, HEADER + 4);
    const [query] = documentAt(message, afterName + 8);
    // A query with a read preference wraps the command in $query.
    const command = (query.$query as Document | undefined) ?? query;
    return { requestId, opCode, command, db: collection.replace(/\.\$cmd$/, ""), noReply: false };
  }
  throw new Error(`opCode ${opCode} is not supported by the stand-in (OP_MSG and OP_QUERY only)`);
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(HEADER);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextRequestId++, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

/** The reply to a request, in the form the request came in: OP_MSG for OP_MSG, OP_REPLY for OP_QUERY. */
export function encodeReply(request: Request, reply: Document): Buffer {
  const body = serialize(reply);
  if (request.opCode === OP_MSG) {
    const flags = Buffer.alloc(5); // flagBits 0, then section kind 0
    return Buffer.concat([header(HEADER + flags.length + body.length, request.requestId, OP_MSG), flags, body]);
  }
  // responseFlags int32, cursorID int64, startingFrom int32, numberReturned int32 (1).
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(HEADER + fields.length + body.length, request.requestId, OP_REPLY), fields, body]);
}
