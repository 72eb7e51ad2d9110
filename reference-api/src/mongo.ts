// MongoDB through the official driver, with MONGODB_URI exactly as given (its pool,
// replica set and read preference options are the driver's to apply). The client
// connects on first use, so the API serves (and reports Mongo as failing) while Mongo is
// not up yet; the orders index is ensured in the background until it succeeds.
import { MongoClient, type Collection, type ObjectId } from "mongodb";
import type { MongoConfig } from "./config.js";
import { log } from "./log.js";
import { withTimeout } from "./timeout.js";

export interface Order {
  _id?: ObjectId;
  userId: string;
  total: number;
  createdAt: Date;
}

/** The index GET /api/orders?userId= is served by. */
export const ORDERS_INDEX = { key: { userId: 1, createdAt: -1 }, name: "userId_1_createdAt_-1" } as const;

export interface Mongo {
  readonly client: MongoClient;
  readonly orders: Collection<Order>;
  /** Resolves when the orders index exists (created now or before). */
  readonly indexReady: Promise<void>;
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createMongo(config: MongoConfig, retryMs = 2_000): Mongo {
  const client = new MongoClient(config.uri, config.replicaSet ? { replicaSet: config.replicaSet } : {});
  const db = client.db(config.database);
  const orders = db.collection<Order>("orders");
  let closed = false;

  const indexReady = (async () => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        // createIndex is idempotent: an index with the same key and name is left as it is.
        await orders.createIndex(ORDERS_INDEX.key, { name: ORDERS_INDEX.name });
        log({ msg: "orders index ready", index: ORDERS_INDEX.name });
        return;
      } catch (error) {
        if (closed) return;
        log({ msg: "orders index not created yet; retrying", attempt, error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      }
    }
  })();

  return {
    client,
    orders,
    indexReady,
    ping: (timeoutMs) => withTimeout(db.command({ ping: 1 }).then(() => undefined), timeoutMs, "mongo ping"),
    close: async () => {
      closed = true;
      await client.close();
    },
  };
}
