import { and, eq, sql } from "drizzle-orm";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  outboxEvents,
} from "@/db/schema";
import { resendSoftBouncedFn } from "@/inngest/functions/resend-soft-bounced";
import { getCampaignStats } from "@/lib/campaigns/campaign-stats";
import { newId } from "@/lib/crypto/ids";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, type SentMessage } from "@/lib/testing/tracking-fixtures";
import { suppressEmail } from "@/lib/suppressions/suppressions";
import { applyResendEvent } from "@/lib/tracking/apply-delivery-event";
import { deliverEmail } from "./deliver-email";
import {
  MAX_SOFT_BOUNCE_RESENDS,
  resendSoftBounced,
  scheduleSoftBounceResend,
  SOFT_BOUNCE_RESEND_DELAY_HOURS,
} from "./resend-soft-bounced";
import { resendTransport } from "./transports/resend-transport";

/**
 * Soft bounces sent again by Leadline: the real webhook handling, the real delivery through the
 * Resend SDK against a local stand-in, and the stats read back from the same database.
 */

let db: Database;
let org: TestOrg;
let other: TestOrg;
let fake: Awaited<ReturnType<typeof startFakeServer>>;
let sends = 0;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Soft bounces");
  other = await createTestOrg("Other");
  fake = await startFakeServer(() => ({ status: 200, body: { id: `re_send_${++sends}` } }));
});
afterAll(() => fake.close());

const transport = () => resendTransport("re_key", fake.url);

async function message(id: string) {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  return row!;
}

/** A campaign message waiting for its first delivery (the fixture's, put back in the queue). */
async function queuedCampaignMessage(options: Parameters<typeof sentCampaignMessage>[1] = {}) {
  const sent = await sentCampaignMessage(org, options);
  await db
    .update(emailMessages)
    .set({ status: "queued", providerMessageId: null, sentAt: null })
    .where(eq(emailMessages.id, sent.messageId));
  return sent;
}

/** Resend reports a soft bounce of the message's latest attempt (its current provider id). */
async function softBounce(messageId: string) {
  const { providerMessageId } = await message(messageId);
  return applyResendEvent(db, `msg_${newId()}`, {
    type: "email.bounced",
    created_at: new Date().toISOString(),
    data: {
      email_id: providerMessageId!,
      bounce: { type: "Transient", subType: "MailboxFull", message: "Mailbox full" },
    },
  });
}

/** The resends queued for a message, by attempt. */
async function scheduled(messageId: string) {
  const rows = await db
    .select({ data: outboxEvents.data })
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.name, "email/soft-bounced"),
        sql`${outboxEvents.data}->>'messageId' = ${messageId}`,
      ),
    );
  return rows.map((r) => r.data.attempt as number).sort();
}

async function queuedEvents(messageId: string) {
  const rows = await db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.name, "email/queued"),
        sql`${outboxEvents.data}->>'emailMessageId' = ${messageId}`,
      ),
    );
  return rows.length;
}

const resend = (sent: Pick<SentMessage, "organizationId" | "messageId">, attempt: number) =>
  resendSoftBounced(db, {
    organizationId: sent.organizationId,
    messageId: sent.messageId,
    attempt,
  });

describe("soft-bounce resend", () => {
  it("resends twice under new provider keys, then gives up; the stats count one message", async () => {
    const sent = await queuedCampaignMessage();
    const id = sent.messageId;
    const before = fake.requests.length;
    expect(await deliverEmail(db, id, transport())).toEqual({ status: "sent" });
    const firstSentAt = (await message(id)).sentAt;

    expect(await softBounce(id)).toBe("recorded");
    expect(await scheduled(id)).toEqual([1]);
    // Still sent, as far as anyone can tell, until the resend is due.
    expect((await message(id)).status).toBe("sent");

    expect(await resend(sent, 1)).toEqual({ resent: true, attempt: 1 });
    const queued = await message(id);
    expect(queued).toMatchObject({
      status: "queued",
      resendAttempts: 1,
      providerMessageId: null,
      error: null,
    });
    expect(queued.sentAt).toEqual(firstSentAt);
    expect(await queuedEvents(id)).toBe(1);
    // The same attempt again (a retried step, a second bounce report) changes nothing.
    expect(await resend(sent, 1)).toEqual({ resent: false, reason: "attempt already made" });
    expect(await queuedEvents(id)).toBe(1);

    expect(await deliverEmail(db, id, transport())).toEqual({ status: "sent" });
    expect(await softBounce(id)).toBe("recorded");
    expect(await scheduled(id)).toEqual([1, 2]);
    expect(await resend(sent, 2)).toEqual({ resent: true, attempt: 2 });
    expect(await deliverEmail(db, id, transport())).toEqual({ status: "sent" });

    expect((await message(id)).sentAt).toEqual(firstSentAt);

    const requests = fake.requests.slice(before);
    expect(requests.map((r) => r.headers["idempotency-key"])).toEqual([id, `${id}.r1`, `${id}.r2`]);
    expect(new Set(requests.map((r) => JSON.parse(r.body).to))).toEqual(new Set([sent.email]));

    // A third soft bounce: no resends left.
    expect(await softBounce(id)).toBe("recorded");
    expect(await scheduled(id)).toEqual([1, 2]);
    expect(await resend(sent, 3)).toEqual({ resent: false, reason: "no resends left" });
    expect((await message(id)).resendAttempts).toBe(MAX_SOFT_BOUNCE_RESENDS);

    const events = await db
      .select({ type: emailEvents.type, detail: emailEvents.detail })
      .from(emailEvents)
      .where(eq(emailEvents.messageId, id));
    expect(events.filter((e) => e.type === "sent").map((e) => e.detail)).toEqual([
      "resend 1 after a soft bounce",
      "resend 2 after a soft bounce",
    ]);

    const stats = await getCampaignStats(org.ctx("owner"), sent.campaignId);
    expect(stats.totals).toMatchObject({ sent: 1, bounced: 0, failed: 0 });
    expect(stats.contactedLeads).toBe(1);
    expect(stats.steps.reduce((n, s) => n + s.sent, 0)).toBe(1);
  });

  it("doesn't resend after the lead replied", async () => {
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    await db
      .update(emailMessages)
      .set({ repliedAt: new Date() })
      .where(eq(emailMessages.id, sent.messageId));
    expect(await resend(sent, 1)).toEqual({ resent: false, reason: "replied" });
    expect((await message(sent.messageId)).status).toBe("sent");
    expect(await queuedEvents(sent.messageId)).toBe(0);
  });

  it("doesn't resend to a suppressed address", async () => {
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    await suppressEmail(db, { organizationId: org.id, email: sent.email, reason: "manual" });
    expect(await resend(sent, 1)).toEqual({ resent: false, reason: "suppressed (manual)" });
  });

  it("doesn't resend once the lead's sequence ended or the campaign stopped", async () => {
    for (const state of ["removed", "manual", "unsubscribed"] as const) {
      const sent = await sentCampaignMessage(org);
      await softBounce(sent.messageId);
      await db
        .update(campaignRecipients)
        .set({ state })
        .where(eq(campaignRecipients.id, sent.recipientId));
      expect(await resend(sent, 1)).toEqual({ resent: false, reason: `recipient ${state}` });
    }
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    await db.update(campaigns).set({ status: "stopped" }).where(eq(campaigns.id, sent.campaignId));
    expect(await resend(sent, 1)).toEqual({ resent: false, reason: "campaign stopped" });
  });

  it("doesn't resend a message that bounced hard since", async () => {
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    await applyResendEvent(db, `msg_${newId()}`, {
      type: "email.bounced",
      data: { email_id: sent.providerMessageId, bounce: { type: "Permanent" } },
    });
    // The hard bounce suppressed the address and stopped the sequence, too; the status says it first.
    expect(await resend(sent, 1)).toEqual({ resent: false, reason: "message bounced" });
  });

  it("resends manual mail to a lead; never system mail", async () => {
    const [manual] = await db
      .insert(emailMessages)
      .values({
        organizationId: org.id,
        kind: "manual",
        fromAddress: "rep@example.test",
        toAddress: `manual-${newId().slice(-8)}@example.test`,
        subject: "Following up",
        transport: "local_outbox",
        status: "sent",
        sentAt: new Date(),
        providerMessageId: `local:${newId()}`,
      })
      .returning();
    await softBounce(manual!.id);
    expect(await scheduled(manual!.id)).toEqual([1]);
    expect(await resend({ organizationId: org.id, messageId: manual!.id }, 1)).toEqual({
      resent: true,
      attempt: 1,
    });
    expect(await deliverEmail(db, manual!.id)).toEqual({ status: "sent" });
    expect((await message(manual!.id)).providerMessageId).toBe(`local:${manual!.id}.r1`);

    const [system] = await db
      .insert(emailMessages)
      .values({
        organizationId: org.id,
        kind: "system",
        fromAddress: "app@example.test",
        toAddress: "user@example.test",
        subject: "Reset your password",
        transport: "local_outbox",
        status: "sent",
      })
      .returning();
    expect(
      await scheduleSoftBounceResend(db, { organizationId: org.id, messageId: system!.id }),
    ).toBeNull();
    expect(await resend({ organizationId: org.id, messageId: system!.id }, 1)).toEqual({
      resent: false,
      reason: "system mail is not resent",
    });
  });

  it("another organization can neither schedule nor resend the message", async () => {
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    const foreign = { organizationId: other.id, messageId: sent.messageId };
    expect(await scheduleSoftBounceResend(db, foreign)).toBeNull();
    expect(await resend(foreign, 1)).toEqual({ resent: false, reason: "message not found" });
    expect((await message(sent.messageId)).status).toBe("sent");
  });
});

describe("resend-soft-bounced function", () => {
  function run(data: { organizationId: string; messageId: string; attempt: number }) {
    // Keyed by step id: the function is replayed from the top, and mocks are called on each replay.
    const sleeps = new Map<string, string>();
    const engine = new InngestTestEngine({
      function: resendSoftBouncedFn,
      events: [{ name: "email/soft-bounced", data }],
      transformCtx: (raw) => {
        const ctx = mockCtx(raw) as Context.Any;
        ctx.step.sleep = (async (id: string, duration: string) => {
          sleeps.set(id, duration);
        }) as typeof ctx.step.sleep;
        return ctx;
      },
    });
    return { execute: () => engine.execute(), sleeps };
  }

  it("waits 4 h before the first resend and 12 h before the second, then resends", async () => {
    expect(SOFT_BOUNCE_RESEND_DELAY_HOURS).toEqual([4, 12]);
    const sent = await sentCampaignMessage(org);
    await softBounce(sent.messageId);
    const first = run({ organizationId: org.id, messageId: sent.messageId, attempt: 1 });
    expect((await first.execute()).result).toEqual({ resent: true, attempt: 1 });
    expect([...first.sleeps]).toEqual([["wait-before-resend-1", "4h"]]);

    await db
      .update(emailMessages)
      .set({ status: "sent", providerMessageId: `re_${newId()}` })
      .where(eq(emailMessages.id, sent.messageId));
    const second = run({ organizationId: org.id, messageId: sent.messageId, attempt: 2 });
    expect((await second.execute()).result).toEqual({ resent: true, attempt: 2 });
    expect([...second.sleeps]).toEqual([["wait-before-resend-2", "12h"]]);
  });
});
