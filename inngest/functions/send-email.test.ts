import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages, jobRuns, outboxEvents, type StoredEvent } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { queueEmail } from "@/lib/email/queue-email";
import { EmbeddedJobEngine } from "@/lib/jobs/embedded/engine";
import { createTestOrg } from "@/lib/testing/fixtures";
import {
  batchEmailForResendFn,
  RESEND_REQUESTS_PER_SECOND,
  sendEmailBatchFn,
  sendEmailFn,
} from "./send-email";

async function queuedEvents(ids: string[]): Promise<StoredEvent[]> {
  const db = await getDb();
  const rows = await db.select().from(outboxEvents).where(eq(outboxEvents.name, "email/queued"));
  return rows
    .filter((r) => ids.includes(String(r.data.emailMessageId)))
    .map((r) => ({ id: r.id, name: r.name, data: r.data, ts: r.createdAt.getTime() }));
}

describe("queueEmail", () => {
  it("stores one message per idempotency key and enqueues it once", async () => {
    const db = await getDb();
    const org = await createTestOrg("Queue once");
    const mailboxId = newId();
    const input = {
      organizationId: org.id,
      kind: "campaign" as const,
      to: "lead@example.test",
      subject: "Hello",
      html: "<p>Hi</p>",
      mailboxId,
      transport: "local_outbox" as const,
      idempotencyKey: `campaign:${newId()}:0`,
      stepIndex: 0,
    };
    const first = await queueEmail(db, { ...input, id: newId() });
    const again = await queueEmail(db, { ...input, id: newId(), subject: "Hello again" });
    expect(again).toBe(first);
    const stored = await db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.idempotencyKey, input.idempotencyKey));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ subject: "Hello", stepIndex: 0, mailboxId });
    const events = await queuedEvents([first]);
    expect(events).toHaveLength(1);
    // The send functions' concurrency and throttle keys travel on the event.
    expect(events[0]!.data).toMatchObject({ mailboxId, transport: "local_outbox" });
  });
});

describe("send-email functions", () => {
  it("routes Resend mail into batches, the rest to the plain function", async () => {
    const db = await getDb();
    const org = await createTestOrg("Throttle");
    const base = { organizationId: org.id, kind: "system" as const, subject: "S", text: "t" };
    const local = await queueEmail(db, { ...base, to: "a@example.test" });
    const resend = await Promise.all(
      [1, 2, 3].map((i) =>
        queueEmail(db, { ...base, to: `r${i}@example.test`, transport: "resend" }),
      ),
    );
    const clock = new Date("2026-06-01T12:00:00Z");
    const engine = new EmbeddedJobEngine(
      db,
      [sendEmailFn, batchEmailForResendFn, sendEmailBatchFn],
      () => clock,
    );
    await engine.dispatch(await queuedEvents([local, ...resend]));
    const runsOf = async (id: string) =>
      db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.organizationId, org.id), eq(jobRuns.functionId, id)));
    expect(await runsOf("send-email")).toHaveLength(1);
    expect((await runsOf("send-email"))[0]!.event.data.emailMessageId).toBe(local);
    expect(await runsOf("send-email-resend")).toHaveLength(3);

    // The first run claims all three; the others find them taken. One batch, one event.
    await engine.drain();
    const batches = await db
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.organizationId, org.id), eq(outboxEvents.name, "email/batch.ready")),
      );
    expect(batches).toHaveLength(1);
    expect([...(batches[0]!.data.messageIds as string[])].sort()).toEqual([...resend].sort());
  });

  it("starts no more Resend batch requests per second than the provider's rate limit", async () => {
    const db = await getDb();
    const orgs = await Promise.all([1, 2, 3].map((i) => createTestOrg(`Batch ${i}`)));
    const clock = new Date("2026-06-02T12:00:00Z");
    const engine = new EmbeddedJobEngine(db, [sendEmailBatchFn], () => clock);
    // One batch per organization: the throttle is keyed by provider, across organizations.
    await engine.dispatch(
      orgs.map((o) => ({
        id: newId(),
        name: "email/batch.ready",
        data: { organizationId: o.id, transport: "resend", messageIds: [newId()] },
        ts: clock.getTime(),
      })),
    );
    await engine.tick(50);
    const started = await db
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.functionId, "send-email-batch"),
          inArray(
            jobRuns.organizationId,
            orgs.map((o) => o.id),
          ),
        ),
      );
    expect(started).toHaveLength(3);
    expect(started.filter((r) => r.startedAt !== null)).toHaveLength(RESEND_REQUESTS_PER_SECOND);
  });
});
