// Orders in Mongo's orders collection: POST /api/orders ({"userId": string, "total":
// number}) stores one with createdAt; GET /api/orders?userId= lists a user's newest 50,
// the query the {userId: 1, createdAt: -1} index serves.
import { dependency, HttpError, readJson } from "../http.js";
import type { Mongo, Order } from "../mongo.js";
import { route, type Route } from "../router.js";

export const ORDERS_LIMIT = 50;

function validOrder(body: unknown): { userId: string; total: number } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object {"userId": string, "total": number}');
  const { userId, total } = body as Record<string, unknown>;
  if (typeof userId !== "string" || userId.length < 1 || userId.length > 128) throw new HttpError(400, "userId must be a string of 1-128 characters");
  if (typeof total !== "number" || !Number.isFinite(total) || total < 0) throw new HttpError(400, "total must be a number >= 0");
  return { userId, total };
}

const view = (order: Order) => ({ id: order._id?.toHexString(), userId: order.userId, total: order.total, createdAt: order.createdAt.toISOString() });

export function orderRoutes(mongo: Mongo): Route[] {
  return [
    route("POST", "/api/orders", async (request) => {
      const order: Order = { ...validOrder(await readJson(request.raw)), createdAt: new Date() };
      const { insertedId } = await dependency("mongo", () => mongo.orders.insertOne(order));
      return { status: 201, body: view({ ...order, _id: insertedId }) };
    }),
    route("GET", "/api/orders", async (request) => {
      const userId = request.query.get("userId");
      if (!userId) throw new HttpError(400, "userId is required: GET /api/orders?userId=...");
      const orders = await dependency("mongo", () => mongo.orders.find({ userId }).sort({ createdAt: -1 }).limit(ORDERS_LIMIT).toArray());
      return { status: 200, body: { orders: orders.map(view) } };
    }),
  ];
}
