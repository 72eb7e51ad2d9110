// Request and response helpers: JSON bodies with a size limit, errors that carry a status.
import type { IncomingMessage } from "node:http";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Reply {
  status: number;
  /** Sent as JSON, unless text is given. */
  body?: unknown;
  text?: string;
  contentType?: string;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** The request body parsed as JSON: 413 when too large, 400 when not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new HttpError(400, "body is empty; send JSON");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `body is not JSON: ${(error as Error).message}`);
  }
}

/** Runs a database call; its failure becomes a 503 naming the database. */
export async function dependency<T>(name: "mongo" | "redis", call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new HttpError(503, `${name}: ${(error as Error).message}`);
  }
}
