import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients, campaigns, leads, outboxEvents } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { activateCampaign, FAN_OUT_BATCH, startRecipientBatch } from "./start-sequences";
import { stopSequencesForStatus } from "./stop-on-status-change";
import { createTestCampaign, createTestLead, testStep } from "./test-campaign";

let db: Database;
let org: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Fan-out");
});

async function startedEvents(campaignId: string) {
  const rows = await db
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.name, "campaign/recipient.started"));
  return rows.filter((r) => r.data.campaignId === campaignId).map((r) => r.data);
}

describe("startRecipientBatch", () => {
  it("starts every queued recipient once, in keyset batches", async () => {
    const count = FAN_OUT_BATCH * 2 + 500;
    const leadRows = await db
      .insert(leads)
      .values(
        Array.from({ length: count }, (_, i) => ({
          organizationId: org.id,
          displayName: `Lead ${i}`,
          email: `bulk-${i}-${newId().slice(-8)}@example.test`,
          status: "new",
        })),
      )
      .returning({ id: leads.id });
    const { campaign } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: leadRows.map((l) => l.id),
      launchedAt: new Date(),
    });
    // One recipient already mid-sequence: a plain start leaves it alone.
    const [busy] = await db
      .update(campaignRecipients)
      .set({ state: "active", nextStepIndex: 1 })
      .where(
        and(
          eq(campaignRecipients.campaignId, campaign.id),
          eq(campaignRecipients.leadId, leadRows[0]!.id),
        ),
      )
      .returning();
    const counts: number[] = [];
    let afterId: string | null = null;
    for (;;) {
      const batch = await startRecipientBatch(db, {
        organizationId: org.id,
        campaignId: campaign.id,
        includeActive: false,
        afterId,
      });
      counts.push(batch.count);
      if (!batch.lastId) break;
      afterId = batch.lastId;
    }
    expect(counts).toEqual([FAN_OUT_BATCH, FAN_OUT_BATCH, 499, 0]);
    const events = await startedEvents(campaign.id);
    expect(events).toHaveLength(count - 1);
    expect(new Set(events.map((e) => e.recipientId)).size).toBe(count - 1);
    expect(events.every((e) => e.generation === 1 && e.sendNow === undefined)).toBe(true);
    expect(events.some((e) => e.recipientId === busy!.id)).toBe(false);
  });

  it("send-now restarts live recipients of the given leads, skipping the wait", async () => {
    const [a, b, c] = [
      await createTestLead(org.id),
      await createTestLead(org.id),
      await createTestLead(org.id),
    ];
    const { campaign, recipients } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 3 })],
      leadIds: [a.id, b.id, c.id],
      launchedAt: new Date(),
    });
    await db
      .update(campaignRecipients)
      .set({ state: "active" })
      .where(eq(campaignRecipients.id, recipients.find((r) => r.leadId === a.id)!.id));
    await db
      .update(campaignRecipients)
      .set({ state: "replied" })
      .where(eq(campaignRecipients.id, recipients.find((r) => r.leadId === c.id)!.id));
    const batch = await startRecipientBatch(db, {
      organizationId: org.id,
      campaignId: campaign.id,
      includeActive: true,
      leadIds: [a.id, c.id],
      sendNow: true,
      afterId: null,
    });
    expect(batch.count).toBe(1);
    const events = await startedEvents(campaign.id);
    expect(events).toEqual([expect.objectContaining({ leadId: a.id, sendNow: true })]);
  });
});

describe("activateCampaign", () => {
  it("makes a scheduled campaign active once its time has come, and nothing else", async () => {
    const now = new Date("2026-06-01T09:00:00Z");
    const make = async (values: Partial<typeof campaigns.$inferInsert>) =>
      (
        await createTestCampaign(org.id, {
          steps: [testStep(1)],
          leadIds: [],
          launchedAt: now,
          values: { launchedAt: null, ...values },
        })
      ).campaign;
    const due = await make({ status: "scheduled", scheduledAt: new Date("2026-06-01T08:59:00Z") });
    const early = await make({
      status: "scheduled",
      scheduledAt: new Date("2026-06-02T09:00:00Z"),
    });
    const paused = await make({ status: "paused" });
    const ref = (id: string) => ({ organizationId: org.id, campaignId: id });

    expect(await activateCampaign(db, ref(due.id), { mayActivate: true, now })).toEqual({
      active: true,
      status: "active",
    });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, due.id));
    expect(row!.launchedAt?.toISOString()).toBe(now.toISOString());
    expect(await activateCampaign(db, ref(early.id), { mayActivate: true, now })).toEqual({
      active: false,
      status: "scheduled",
    });
    expect((await activateCampaign(db, ref(paused.id), { mayActivate: true, now })).active).toBe(
      false,
    );
    // Another organization's campaign id finds nothing.
    const other = await createTestOrg("Other fan-out");
    expect(
      await activateCampaign(
        db,
        { organizationId: other.id, campaignId: due.id },
        { mayActivate: true },
      ),
    ).toEqual({ active: false, status: null });
  });
});

describe("stopSequencesForStatus", () => {
  it("ends sequences in campaigns that stop on the new status's outcome only", async () => {
    const lead = await createTestLead(org.id);
    const stopsOnWon = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: new Date(),
    });
    const keepsGoing = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: new Date(),
      values: {
        allowConcurrentCampaigns: true,
        stopConditions: { reply: true, bounce: true, statusCategories: ["lost"] },
      },
    });
    const input = { organizationId: org.id, leadId: lead.id };
    expect(await stopSequencesForStatus(db, { ...input, to: "contacted" })).toEqual({
      stopped: 0,
    });
    expect(await stopSequencesForStatus(db, { ...input, to: "won" })).toEqual({ stopped: 1 });
    const state = async (campaignId: string) =>
      (
        await db
          .select()
          .from(campaignRecipients)
          .where(eq(campaignRecipients.campaignId, campaignId))
      )[0]!;
    expect(await state(stopsOnWon.campaign.id)).toMatchObject({
      state: "completed",
      stateReason: "status won",
    });
    expect((await state(keepsGoing.campaign.id)).state).toBe("queued");
  });
});
