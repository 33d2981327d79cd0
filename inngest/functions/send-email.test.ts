import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages, jobRuns, outboxEvents, type StoredEvent } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { queueEmail } from "@/lib/email/queue-email";
import { EmbeddedJobEngine } from "@/lib/jobs/embedded/engine";
import { createTestOrg } from "@/lib/testing/fixtures";
import { RESEND_REQUESTS_PER_SECOND, sendEmailFn, sendEmailViaResendFn } from "./send-email";

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
  it("routes Resend mail to the throttled function, the rest to the plain one", async () => {
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
    const engine = new EmbeddedJobEngine(db, [sendEmailFn, sendEmailViaResendFn], () => clock);
    await engine.dispatch(await queuedEvents([local, ...resend]));
    const runs = await db
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.organizationId, org.id),
          inArray(jobRuns.functionId, ["send-email", "send-email-resend"]),
        ),
      );
    const byFunction = (id: string) => runs.filter((r) => r.functionId === id);
    expect(byFunction("send-email")).toHaveLength(1);
    expect(byFunction("send-email")[0]!.event.data.emailMessageId).toBe(local);
    expect(byFunction("send-email-resend")).toHaveLength(3);

    // Within one second only the provider's rate limit of runs may start.
    await engine.tick(50);
    const started = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.organizationId, org.id), eq(jobRuns.functionId, "send-email-resend")));
    expect(started.filter((r) => r.startedAt !== null)).toHaveLength(RESEND_REQUESTS_PER_SECOND);
  });
});
