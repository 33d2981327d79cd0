import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { Inngest } from "inngest";
import { getDb, type Database } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { organizationCreated } from "@/inngest/events";
import { newId } from "@/lib/crypto/ids";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createInngestDeliverer } from "./deliver-to-inngest";
import { enqueueEvent } from "./outbox";
import { relayOutbox } from "./relay";

let db: Database;
let fake: Awaited<ReturnType<typeof startFakeServer>>;
let up = true;

beforeAll(async () => {
  db = await getDb();
  fake = await startFakeServer((req) => {
    if (!up) return { status: 503, body: { error: "down" } };
    const events = JSON.parse(req.body) as { id: string }[];
    return { status: 200, body: { ids: events.map((e) => e.id), status: 200 } };
  });
});
afterAll(() => fake.close());

// The real Inngest SDK, sending to a local stand-in for the Inngest event API.
const client = () =>
  new Inngest({ id: "relay-test", baseUrl: fake.url, eventKey: "test-key", isDev: false });

async function enqueue(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await enqueueEvent(
        db,
        organizationCreated,
        { organizationId: newId(), name: `Org ${i}`, ownerUserId: newId() },
        { organizationId: null },
      ),
    );
  }
  return ids;
}

describe("outbox relay", () => {
  it("refuses an event whose payload does not match its schema", async () => {
    await expect(
      enqueueEvent(db, organizationCreated, { organizationId: "nope" } as never, {
        organizationId: null,
      }),
    ).rejects.toThrow(/Invalid payload/);
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents);
    await expect(
      db.transaction(async (tx) => {
        await enqueueEvent(
          tx,
          organizationCreated,
          { organizationId: newId(), name: "x", ownerUserId: newId() },
          { organizationId: null },
        );
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("delivers pending events with their outbox ids as event ids, then marks them sent", async () => {
    fake.requests.length = 0;
    const ids = await enqueue(3);
    const result = await relayOutbox(db, createInngestDeliverer(client()));
    expect(result).toMatchObject({ delivered: expect.any(Number), failed: 0 });
    const sentIds = fake.requests.flatMap((r) =>
      (JSON.parse(r.body) as { id: string }[]).map((e) => e.id),
    );
    expect(sentIds).toEqual(expect.arrayContaining(ids));
    expect(fake.requests[0]!.url).toBe("/e/test-key");
    const rows = await db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
    // A second pass has nothing left to send.
    fake.requests.length = 0;
    await relayOutbox(db, createInngestDeliverer(client()));
    expect(fake.requests).toHaveLength(0);
  });

  it("keeps events while the engine is down, backs off, and delivers them once it is back", async () => {
    const ids = await enqueue(2);
    up = false;
    const failed = await relayOutbox(db, createInngestDeliverer(client()));
    expect(failed.failed).toBeGreaterThanOrEqual(2);
    let rows = await db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
    expect(rows.every((r) => r.sentAt === null && r.attempts === 1 && r.lastError)).toBe(true);
    expect(rows.every((r) => r.availableAt.getTime() > Date.now())).toBe(true);
    // Still backing off: nothing is claimed yet even though the engine is back.
    up = true;
    fake.requests.length = 0;
    await relayOutbox(db, createInngestDeliverer(client()));
    expect(fake.requests).toHaveLength(0);
    await db
      .update(outboxEvents)
      .set({ availableAt: new Date() })
      .where(inArray(outboxEvents.id, ids));
    await relayOutbox(db, createInngestDeliverer(client()));
    rows = await db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
    expect(rows.every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
  });

  it("re-sends a leased batch after a crash with the same ids (so the engine dedupes it)", async () => {
    const [id] = await enqueue(1);
    // A relay that died mid-delivery leaves an expired lease behind.
    await db
      .update(outboxEvents)
      .set({ leaseUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(outboxEvents.id, id!));
    fake.requests.length = 0;
    await relayOutbox(db, createInngestDeliverer(client()));
    const sent = fake.requests.flatMap((r) =>
      (JSON.parse(r.body) as { id: string }[]).map((e) => e.id),
    );
    expect(sent).toContain(id);
  });
});
