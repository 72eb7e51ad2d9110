// SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), the server side, as mongod does it
// (https://www.mongodb.com/docs/manual/core/security-scram/): the server keeps only the
// salt, the iteration count, StoredKey and ServerKey of a password, checks the client's
// proof against StoredKey and proves itself with ServerKey. mongod's default iteration
// count is 15000 (scramSHA256IterationCount); the driver refuses fewer than 4096.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

export const ITERATIONS = 15000;

export interface Credentials {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

/** The credentials mongod stores for a password (SASLprep is the identity for the ASCII passwords used here). */
export function credentialsFor(password: string, salt = randomBytes(28), iterations = ITERATIONS): Credentials {
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  return { salt, iterations, storedKey: sha256(hmac(salted, "Client Key")), serverKey: hmac(salted, "Server Key") };
}

/** RFC 5802's attribute list: "n=user,r=nonce" to {n: "user", r: "nonce"}. */
function attributes(message: string): Map<string, string> {
  return new Map(message.split(",").map((part) => [part.slice(0, 1), part.slice(2)] as [string, string]));
}

/** "=2C" and "=3D" stand for "," and "=" in a SCRAM user name. */
const unescapeName = (name: string) => name.replace(/=2C/g, ",").replace(/=3D/g, "=");

export class AuthenticationFailed extends Error {}

/**
 * One conversation: start() takes the client-first message and returns the server-first
 * one; finish() takes the client-final message and returns the server-final one, or
 * throws AuthenticationFailed.
 */
export class ScramConversation {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";
  private credentials: Credentials | undefined;
  user = "";

  constructor(
    private readonly lookup: (user: string) => Credentials | undefined,
    private readonly serverNonce = randomBytes(24).toString("base64"),
  ) {}

  start(clientFirst: string): string {
    // gs2 header "n,," (no channel binding, no authzid), then the bare message.
    if (!clientFirst.startsWith("n,")) throw new AuthenticationFailed("channel binding is not supported");
    this.clientFirstBare = clientFirst.slice(clientFirst.indexOf(",", 2) + 1);
    const attrs = attributes(this.clientFirstBare);
    this.user = unescapeName(attrs.get("n") ?? "");
    this.nonce = (attrs.get("r") ?? "") + this.serverNonce;
    this.credentials = this.lookup(this.user);
    // An unknown user gets a conversation all the same (a made-up salt), and fails at the proof.
    const { salt, iterations } = this.credentials ?? { salt: randomBytes(28), iterations: ITERATIONS };
    this.serverFirst = `r=${this.nonce},s=${salt.toString("base64")},i=${iterations}`;
    return this.serverFirst;
  }

  finish(clientFinal: string): string {
    const withoutProof = clientFinal.slice(0, clientFinal.lastIndexOf(",p="));
    const attrs = attributes(clientFinal);
    if (attrs.get("r") !== this.nonce || !this.credentials) throw new AuthenticationFailed("Authentication failed.");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.credentials.storedKey, authMessage);
    const proof = Buffer.from(attrs.get("p") ?? "", "base64");
    if (proof.length !== signature.length) throw new AuthenticationFailed("Authentication failed.");
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
    if (!timingSafeEqual(sha256(clientKey), this.credentials.storedKey)) throw new AuthenticationFailed("Authentication failed.");
    return `v=${hmac(this.credentials.serverKey, authMessage).toString("base64")}`;
  }
}
