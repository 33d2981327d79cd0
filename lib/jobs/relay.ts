import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/client";

export interface OutboxMessage {
  id: string;
  name: string;
  data: Record<string, unknown>;
  organizationId: string | null;
  createdAt: Date;
  attempts: number;
}

/** Delivers a batch of events to the job engine; throws if it could not (nothing is marked sent). */
export type DeliverEvents = (events: OutboxMessage[]) => Promise<void>;

export interface RelayResult {
  delivered: number;
  failed: number;
  error?: string;
}

const LEASE_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 300;

/**
 * Move pending outbox events to the job engine. Rows are leased (not locked for the duration of
 * the network call, which would stall PGlite's single connection), delivered, then marked sent.
 * Delivery is idempotent because the row id is the event id, so a crash between delivering and
 * marking only causes a harmless duplicate that the engine drops. Failed batches back off
 * exponentially and wait, however long the engine is away.
 */
export async function relayOutbox(
  db: Database,
  deliver: DeliverEvents,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 100;
  const result: RelayResult = { delivered: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const claimed = await claimBatch(db, batchSize);
    if (claimed.length === 0) break;
    const ids = claimed.map((e) => e.id);
    try {
      await deliver(claimed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = Math.max(...claimed.map((e) => e.attempts));
      const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(attempts, 10));
      await db.execute(sql`
        update outbox_events
           set lease_until = null,
               last_error = ${message.slice(0, 1000)},
               available_at = now() + make_interval(secs => ${backoff}),
               updated_at = now()
         where id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`);
      result.failed += claimed.length;
      result.error = message;
      break;
    }
    await db.execute(sql`
      update outbox_events
         set sent_at = now(), lease_until = null, last_error = null, updated_at = now()
       where id in (${sql.join(
         ids.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})`);
    result.delivered += claimed.length;
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function claimBatch(db: Database, limit: number): Promise<OutboxMessage[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    data: Record<string, unknown>;
    organization_id: string | null;
    created_at: string | Date;
    attempts: number;
  }>(
    db,
    sql`
      update outbox_events
         set lease_until = now() + make_interval(secs => ${LEASE_SECONDS}),
             attempts = attempts + 1,
             updated_at = now()
       where id in (
         select id from outbox_events
          where sent_at is null
            and available_at <= now()
            and (lease_until is null or lease_until < now())
          order by available_at, id
          limit ${limit}
          for update skip locked)
      returning id, name, data, organization_id, created_at, attempts`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      data: r.data,
      organizationId: r.organization_id,
      createdAt: new Date(r.created_at),
      attempts: r.attempts,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
