import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";

/** The database channel live messages travel on, so every app instance hears every change. */
export const LIVE_CHANNEL = "leadline_live";

/**
 * A small "something changed" message for open browser tabs. It names what changed, never
 * carries the record itself: a tab refetches through the API, which applies visibility again.
 * `userId` null means everyone in the organization.
 */
export const liveMessageSchema = z.object({
  orgId: z.uuid(),
  userId: z.uuid().nullable(),
  type: z.string().regex(/^[a-z][a-z0-9_.]*$/),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/**
 * Publish through NOTIFY, which is transactional: inside a transaction the message goes out only
 * if it commits, so a tab never refetches a change that was rolled back.
 */
export async function publishLive(db: Queryable, message: LiveMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`);
}
