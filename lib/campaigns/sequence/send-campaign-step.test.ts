import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  emailSuppressions,
  emailTemplates,
  leadActivities,
  leads,
  mailboxes,
  outboxEvents,
} from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { planNextSend } from "./plan-next-send";
import { sendCampaignStep, stepIdempotencyKey } from "./send-campaign-step";
import { createTestCampaign, createTestLead, createTestMailbox, testStep } from "./test-campaign";

let db: Database;
let org: TestOrg;
const launch = new Date("2026-03-02T10:00:00Z"); // a Monday

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Engine");
  await createTestMailbox(org.id, { name: "Default" });
});

async function recipientRow(id: string) {
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

async function messagesOf(recipientId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.recipientId, recipientId));
}

describe("sendCampaignStep", () => {
  it("sends a step as the lead will read it, once, and moves the recipient on", async () => {
    const mailbox = await createTestMailbox(org.id, { isDefault: false });
    const lead = await createTestLead(org.id, { firstName: "Grace" });
    const { campaign, refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 2 })],
      leadIds: [lead.id],
      launchedAt: launch,
      values: { mailboxIds: [mailbox.id] },
    });
    const ref = refs[0]!;
    const now = new Date("2026-03-02T10:05:00Z");
    const plan = await planNextSend(db, ref, { now });
    // The first step has no delay and launch is past: due now.
    expect(plan).toEqual({
      action: "send",
      stepIndex: 0,
      at: now.toISOString(),
      due: true,
      personalized: false,
    });

    const first = await sendCampaignStep(db, ref, { stepIndex: 0, now });
    expect(first).toMatchObject({ outcome: "sent", stepIndex: 0, duplicate: false });
    const again = await sendCampaignStep(db, ref, { stepIndex: 0, now });
    expect(again).toMatchObject({ outcome: "sent", duplicate: true });
    if (first.outcome !== "sent" || again.outcome !== "sent") throw new Error("not sent");
    expect(again.messageId).toBe(first.messageId);
    // The second step is due two days after this one.
    expect(first.nextStepAt).toBe("2026-03-04T10:05:00.000Z");

    const messages = await messagesOf(ref.recipientId);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message).toMatchObject({
      id: first.messageId,
      kind: "campaign",
      toAddress: lead.email,
      fromAddress: `"Ada from Northwind" <${mailbox.fromAddress}>`,
      replyTo: "replies@northwind.test",
      subject: "Step 1 for Grace",
      mailboxId: mailbox.id,
      leadId: lead.id,
      campaignId: campaign.id,
      stepId: "step-1",
      stepIndex: 0,
      variantId: "v-1",
      idempotencyKey: stepIdempotencyKey(ref.recipientId, 0),
    });
    expect(message.headers["List-Unsubscribe"]).toMatch(
      /^<https?:\/\/[^>]+\/unsubscribe\/[^>]+>, <mailto:/,
    );
    expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // Signature, a real unsubscribe link in the footer, tracked link and pixel.
    expect(message.html).toContain("Ada Lovelace");
    expect(message.html).toMatch(/href="https?:\/\/[^"]+\/unsubscribe\/[^"]+"/);
    expect(message.html).not.toContain("#unsubscribe-preview");
    expect(message.html).toMatch(/href="https?:\/\/[^"]+\/t\/c\//);
    expect(message.html).toMatch(/src="https?:\/\/[^"]+\/t\/o\//);
    expect(message.text).toContain("Hi Grace, this is step 1.");

    const queued = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "email/queued"));
    expect(queued.filter((e) => e.data.emailMessageId === message.id)).toHaveLength(1);

    const recipient = await recipientRow(ref.recipientId);
    expect(recipient).toMatchObject({
      state: "active",
      nextStepIndex: 1,
      lastMessageId: message.id,
      mailboxId: mailbox.id,
      variants: { "step-1": "v-1" },
    });
    expect(recipient.lastSentAt?.toISOString()).toBe(now.toISOString());
    const [leadRow] = await db.select().from(leads).where(eq(leads.id, lead.id));
    expect(leadRow!.lastContactedAt?.toISOString()).toBe(now.toISOString());
    const events = await db.select().from(emailEvents).where(eq(emailEvents.messageId, message.id));
    expect(events.map((e) => e.type)).toEqual(["sent"]);
    const timeline = await db
      .select()
      .from(leadActivities)
      .where(
        and(eq(leadActivities.leadId, lead.id), eq(leadActivities.type, "campaign_email_sent")),
      );
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.data).toMatchObject({ campaignId: campaign.id, stepNumber: 1 });
  });

  it("sends once when two attempts race for the same step", async () => {
    const lead = await createTestLead(org.id);
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const now = new Date("2026-03-02T11:00:00Z");
    const results = await Promise.all([
      sendCampaignStep(db, refs[0]!, { stepIndex: 0, now }),
      sendCampaignStep(db, refs[0]!, { stepIndex: 0, now }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["sent", "sent"]);
    expect(await messagesOf(refs[0]!.recipientId)).toHaveLength(1);
  });

  it("uses the template's parts for a variant that names one and leaves them empty", async () => {
    const [template] = await db
      .insert(emailTemplates)
      .values({
        organizationId: org.id,
        name: "Intro",
        subject: "Hello {{company|your team}}",
        html: '<p>From the template, {{firstName}}. <a href="{{unsubscribeUrl}}">Stop</a></p>',
      })
      .returning();
    const lead = await createTestLead(org.id, { firstName: "Linus", company: "Acme" });
    const step = testStep(1);
    step.variants[0] = { ...step.variants[0]!, templateId: template!.id, subject: "", html: "" };
    const { refs } = await createTestCampaign(org.id, {
      steps: [step],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: launch });
    const [message] = await messagesOf(refs[0]!.recipientId);
    expect(message!.subject).toBe("Hello Acme");
    expect(message!.html).toContain("From the template, Linus.");
    // The template links the unsubscribe page itself, so no second footer link is added.
    expect(message!.html!.match(/\/unsubscribe\//g)).toHaveLength(1);
  });

  it("ends a superseded run without touching the recipient", async () => {
    const lead = await createTestLead(org.id);
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const stale = { ...refs[0]!, generation: refs[0]!.generation - 1 };
    expect(await sendCampaignStep(db, stale, { stepIndex: 0, now: launch })).toEqual({
      outcome: "stopped",
      reason: "superseded by a newer run",
    });
    expect(await messagesOf(refs[0]!.recipientId)).toHaveLength(0);
    expect((await recipientRow(refs[0]!.recipientId)).state).toBe("queued");
  });
});

describe("caps", () => {
  it("defers past a mailbox's hourly cap until the oldest send leaves the hour", async () => {
    const capped = await createTestOrg("Hourly");
    await createTestMailbox(capped.id, { hourlyCap: 1, dailyCap: 10 });
    const [a, b] = [await createTestLead(capped.id), await createTestLead(capped.id)];
    const { refs } = await createTestCampaign(capped.id, {
      steps: [testStep(1)],
      leadIds: [a.id, b.id],
      launchedAt: launch,
    });
    const first = new Date("2026-03-02T10:00:00Z");
    expect((await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: first })).outcome).toBe(
      "sent",
    );
    const later = new Date("2026-03-02T10:20:00Z");
    expect(await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: later })).toEqual({
      outcome: "deferred",
      // Counted to the minute: the slot frees when 10:00's whole minute has left the hour.
      until: "2026-03-02T11:01:00.000Z",
      reason: "mailbox hourly cap of 1 reached",
    });
    expect(await messagesOf(refs[1]!.recipientId)).toHaveLength(0);
    const withinMinute = new Date("2026-03-02T11:00:30Z");
    expect(
      (await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: withinMinute })).outcome,
    ).toBe("deferred");
    const afterHour = new Date("2026-03-02T11:01:00Z");
    expect((await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: afterHour })).outcome).toBe(
      "sent",
    );
  });

  it("defers past a mailbox's daily cap and a paused mailbox", async () => {
    const capped = await createTestOrg("Daily");
    const mailbox = await createTestMailbox(capped.id, { hourlyCap: 10, dailyCap: 1 });
    const [a, b] = [await createTestLead(capped.id), await createTestLead(capped.id)];
    const { refs } = await createTestCampaign(capped.id, {
      steps: [testStep(1)],
      leadIds: [a.id, b.id],
      launchedAt: launch,
    });
    await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: launch });
    const later = new Date("2026-03-02T15:00:00Z");
    expect(await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: later })).toMatchObject({
      outcome: "deferred",
      until: "2026-03-03T10:01:00.000Z",
    });
    await db.update(mailboxes).set({ status: "paused" }).where(eq(mailboxes.id, mailbox.id));
    const nextDay = new Date("2026-03-03T12:00:00Z");
    expect(await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: nextDay })).toEqual({
      outcome: "deferred",
      until: "2026-03-03T13:00:00.000Z",
      reason: "mailbox Sales is paused",
    });
  });

  it("defers past the campaign's daily limit until midnight in its time zone", async () => {
    const limited = await createTestOrg("Limit");
    await createTestMailbox(limited.id);
    const [a, b] = [await createTestLead(limited.id), await createTestLead(limited.id)];
    const { refs } = await createTestCampaign(limited.id, {
      steps: [testStep(1)],
      leadIds: [a.id, b.id],
      launchedAt: launch,
      values: { dailyLimit: 1, timezone: "America/New_York" },
    });
    await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: launch });
    const deferred = await sendCampaignStep(db, refs[1]!, { stepIndex: 0, now: launch });
    // Midnight of 2026-03-03 in New York (EST, UTC−5).
    expect(deferred).toMatchObject({ outcome: "deferred", until: "2026-03-03T05:00:00.000Z" });
  });
});

describe("stops and completion", () => {
  it("stops a suppressed lead, a won lead and completes the campaign with its last recipient", async () => {
    const stops = await createTestOrg("Stops");
    await createTestMailbox(stops.id);
    const bounced = await createTestLead(stops.id);
    const won = await createTestLead(stops.id, { status: "won" });
    const fine = await createTestLead(stops.id);
    await db.insert(emailSuppressions).values({
      organizationId: stops.id,
      email: bounced.email!.toUpperCase().toLowerCase(),
      reason: "bounced",
    });
    const { campaign, refs } = await createTestCampaign(stops.id, {
      steps: [testStep(1)],
      leadIds: [bounced.id, won.id, fine.id],
      launchedAt: launch,
    });
    const [rBounced, rWon, rFine] = refs;
    expect(await sendCampaignStep(db, rBounced!, { stepIndex: 0, now: launch })).toEqual({
      outcome: "stopped",
      reason: "suppressed (bounced)",
    });
    expect(await planNextSend(db, rWon!, { now: launch })).toEqual({
      action: "stop",
      reason: "status won",
    });
    expect(await recipientRow(rBounced!.recipientId)).toMatchObject({ state: "bounced" });
    expect(await recipientRow(rWon!.recipientId)).toMatchObject({
      state: "completed",
      stateReason: "status won",
    });
    // A cancel event went out for each stopped sequence.
    const cancels = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "campaign/recipient.stopped"));
    expect(cancels.map((e) => e.data.recipientId)).toEqual(
      expect.arrayContaining([rBounced!.recipientId, rWon!.recipientId]),
    );

    await sendCampaignStep(db, rFine!, { stepIndex: 0, now: launch });
    expect(await planNextSend(db, rFine!, { now: launch })).toEqual({ action: "done" });
    expect(await recipientRow(rFine!.recipientId)).toMatchObject({ state: "completed" });
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done).toMatchObject({ status: "completed" });
    expect(done!.finishedAt).not.toBeNull();
  });

  it("pauses a campaign with nowhere to send from, and tells why", async () => {
    const bare = await createTestOrg("No mailbox");
    const lead = await createTestLead(bare.id);
    const { campaign, refs } = await createTestCampaign(bare.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const result = await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: launch });
    expect(result).toMatchObject({ outcome: "stopped" });
    const [paused] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(paused).toMatchObject({ status: "paused" });
    expect(paused!.pausedReason).toMatch(/No mailbox/);
    expect((await recipientRow(refs[0]!.recipientId)).state).toBe("queued");
    const events = await db
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.organizationId, bare.id), eq(outboxEvents.name, "campaign/paused")),
      );
    expect(events).toHaveLength(1);
  });
});

describe("planNextSend", () => {
  it("puts the first step in the lead's working hours, falling back to the campaign's zone", async () => {
    const tz = await createTestOrg("Zones");
    await createTestMailbox(tz.id);
    const tokyo = await createTestLead(tz.id, { timezone: "Asia/Tokyo" });
    const junk = await createTestLead(tz.id, { timezone: "Nowhere/Special" });
    const { refs } = await createTestCampaign(tz.id, {
      steps: [testStep(1, { delayHours: 1 })],
      leadIds: [tokyo.id, junk.id],
      launchedAt: launch,
      values: {
        timezone: "Europe/Berlin",
        sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      },
    });
    // Launch + 1 h = Monday 11:00Z: 20:00 in Tokyo (closed) → Tuesday 09:00 JST = 00:00Z.
    expect(await planNextSend(db, refs[0]!, { now: launch })).toMatchObject({
      at: "2026-03-03T00:00:00.000Z",
      due: false,
    });
    // 12:00 in Berlin: open, so exactly launch + 1 h.
    expect(await planNextSend(db, refs[1]!, { now: launch })).toMatchObject({
      at: "2026-03-02T11:00:00.000Z",
    });
    expect((await recipientRow(refs[0]!.recipientId)).nextSendAt?.toISOString()).toBe(
      "2026-03-03T00:00:00.000Z",
    );
  });
});
