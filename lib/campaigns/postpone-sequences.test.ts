import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { listRecipientsQuery } from "./campaign-schemas";
import { listLeadCampaigns } from "./lead-campaigns";
import { postponeLeadSequences } from "./postpone-sequences";
import { listRecipients } from "./recipients";
import { planNextSend } from "./sequence/plan-next-send";
import { sendCampaignStep } from "./sequence/send-campaign-step";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "./sequence/test-campaign";

/** An out-of-office reply's return date holds back every live sequence of the lead. */

let db: Database;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Postpone");
  other = await createTestOrg("Postpone other");
  await createTestMailbox(org.id);
});

async function recipient(id: string) {
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

const launch = new Date("2026-06-01T08:00:00Z"); // a Monday

describe("postponeLeadSequences", () => {
  it("postpones the lead's live and held sequences only, and only ever later", async () => {
    const lead = await createTestLead(org.id);
    const steps = [testStep(1), testStep(2, { delayDays: 1 })];
    const a = await createTestCampaign(org.id, { steps, leadIds: [lead.id], launchedAt: launch });
    const b = await createTestCampaign(org.id, { steps, leadIds: [lead.id], launchedAt: launch });
    const done = await createTestCampaign(org.id, {
      steps,
      leadIds: [lead.id],
      launchedAt: launch,
    });
    await db
      .update(campaignRecipients)
      .set({ state: "active", nextSendAt: new Date("2026-06-02T08:00:00Z") })
      .where(eq(campaignRecipients.id, b.refs[0]!.recipientId));
    await db
      .update(campaignRecipients)
      .set({ state: "completed" })
      .where(eq(campaignRecipients.id, done.refs[0]!.recipientId));
    const held = await createTestCampaign(org.id, {
      steps,
      leadIds: [lead.id],
      launchedAt: launch,
    });
    await db
      .update(campaignRecipients)
      .set({ state: "manual" })
      .where(eq(campaignRecipients.id, held.refs[0]!.recipientId));
    const someoneElse = await createTestLead(org.id);
    const unrelated = await createTestCampaign(org.id, {
      steps,
      leadIds: [someoneElse.id],
      launchedAt: launch,
    });

    const until = new Date("2026-06-10T00:00:00Z");
    const input = { organizationId: org.id, leadId: lead.id, until };
    expect(await postponeLeadSequences(db, input)).toBe(3);
    expect((await recipient(a.refs[0]!.recipientId)).postponedUntil).toEqual(until);
    // A rep holds this one; handed back during the absence, it waits too.
    expect((await recipient(held.refs[0]!.recipientId)).postponedUntil).toEqual(until);
    // The time shown as next moves with it.
    expect(await recipient(b.refs[0]!.recipientId)).toMatchObject({
      postponedUntil: until,
      nextSendAt: until,
    });
    expect((await recipient(done.refs[0]!.recipientId)).postponedUntil).toBeNull();
    expect((await recipient(unrelated.refs[0]!.recipientId)).postponedUntil).toBeNull();

    // A second auto-reply naming an earlier date doesn't shorten the absence; a later one extends it.
    await postponeLeadSequences(db, { ...input, until: new Date("2026-06-05T00:00:00Z") });
    expect((await recipient(a.refs[0]!.recipientId)).postponedUntil).toEqual(until);
    const later = new Date("2026-06-12T00:00:00Z");
    await postponeLeadSequences(db, { ...input, until: later });
    expect((await recipient(a.refs[0]!.recipientId)).postponedUntil).toEqual(later);

    // Another organization can't touch them.
    expect(await postponeLeadSequences(db, { ...input, organizationId: other.id })).toBe(0);
  });

  it("plans no step before the return date (send-now included), in the window after it", async () => {
    const lead = await createTestLead(org.id);
    const { campaign, refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
      values: {
        timezone: "Europe/Berlin",
        useLeadTimezone: false,
        sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      },
    });
    // Back on Saturday: the first working hour after that is Monday 09:00 Berlin.
    const until = new Date("2026-06-06T10:00:00Z");
    await postponeLeadSequences(db, { organizationId: org.id, leadId: lead.id, until });
    expect(await planNextSend(db, refs[0]!, { now: launch })).toEqual({
      action: "send",
      stepIndex: 0,
      at: "2026-06-08T07:00:00.000Z",
      due: false,
      personalized: false,
    });
    expect(await planNextSend(db, refs[0]!, { now: launch, sendNow: true })).toMatchObject({
      at: until.toISOString(),
      due: false,
    });

    // Shown on the campaign's recipients and the lead's campaigns.
    const ctx = org.ctx("owner");
    const page = await listRecipients(ctx, campaign.id, listRecipientsQuery.parse({}));
    expect(page.data[0]!.postponedUntil).toBe(until.toISOString());
    const mine = await listLeadCampaigns(ctx, lead.id);
    expect(mine.campaigns[0]!.postponedUntil).toBe(until.toISOString());
  });

  it("a send that comes due before the return date is deferred until it, then goes out", async () => {
    const lead = await createTestLead(org.id);
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const until = new Date("2026-06-03T12:00:00Z");
    await postponeLeadSequences(db, { organizationId: org.id, leadId: lead.id, until });
    expect(await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: launch })).toEqual({
      outcome: "deferred",
      until: until.toISOString(),
      reason: "the lead is away",
    });
    expect((await recipient(refs[0]!.recipientId)).nextStepIndex).toBe(0);
    expect(await sendCampaignStep(db, refs[0]!, { stepIndex: 0, now: until })).toMatchObject({
      outcome: "sent",
      duplicate: false,
    });
  });
});
