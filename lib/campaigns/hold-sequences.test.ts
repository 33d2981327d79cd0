import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients, campaigns, emailMessages, outboxEvents } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { holdLeadSequences, resumeHeldSequences } from "./hold-sequences";
import { completeCampaignIfDone } from "./sequence/finish-recipient";
import { planNextSend } from "./sequence/plan-next-send";
import { sendCampaignStep } from "./sequence/send-campaign-step";
import type { SequenceRef } from "./sequence/sequence-types";
import { startRecipientBatch } from "./sequence/start-sequences";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "./sequence/test-campaign";

/** A rep takes a lead over (its sequences held in `manual`) and hands it back. */

let db: Database;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Hold");
  other = await createTestOrg("Hold other");
  await createTestMailbox(org.id);
});

const launch = new Date("2026-06-01T08:00:00Z");
const steps = [testStep(1), testStep(2, { delayDays: 1 }), testStep(3, { delayDays: 1 })];

async function recipient(id: string) {
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

/** Outbox events of one name for these recipients. */
async function events(name: string, recipientIds: string[]) {
  const rows = await db
    .select({ data: outboxEvents.data })
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.name, name),
        inArray(sql<string>`${outboxEvents.data}->>'recipientId'`, recipientIds),
      ),
    );
  return rows.map((r) => r.data);
}

/** A lead in one campaign of each status, its sequence one step in where it was launched. */
async function leadInCampaigns() {
  const lead = await createTestLead(org.id);
  const make = async (status: "active" | "paused" | "draft" | "stopped") => {
    const made = await createTestCampaign(org.id, {
      steps,
      leadIds: [lead.id],
      launchedAt: launch,
      values: { status, ...(status === "draft" ? { launchedAt: null } : {}) },
    });
    if (status !== "draft") {
      await db
        .update(campaignRecipients)
        .set({ state: "active", nextStepIndex: 1, lastSentAt: launch })
        .where(eq(campaignRecipients.id, made.refs[0]!.recipientId));
    }
    return { campaign: made.campaign, ref: made.refs[0]! };
  };
  return {
    lead,
    active: await make("active"),
    paused: await make("paused"),
    draft: await make("draft"),
    stopped: await make("stopped"),
  };
}

describe("holdLeadSequences / resumeHeldSequences", () => {
  it("holds every live sequence of the lead; nothing automated goes out while held", async () => {
    const { lead, active, paused, draft, stopped } = await leadInCampaigns();
    await db
      .update(campaignRecipients)
      .set({ state: "removed" })
      .where(eq(campaignRecipients.id, stopped.ref.recipientId));
    const ids = [active, paused, draft].map((c) => c.ref.recipientId);

    const input = { organizationId: org.id, leadId: lead.id, reason: "Taken over by Ada" };
    expect(await holdLeadSequences(db, { ...input, organizationId: other.id })).toBe(0);
    expect(await holdLeadSequences(db, input)).toBe(3);
    for (const id of ids) {
      expect(await recipient(id)).toMatchObject({
        state: "manual",
        stateReason: "Taken over by Ada",
        nextSendAt: null,
        finishedAt: null,
      });
    }
    expect((await recipient(stopped.ref.recipientId)).state).toBe("removed");
    // Each running sequence is told to stop.
    expect((await events("campaign/recipient.stopped", ids)).length).toBe(3);
    // Holding again finds nothing live.
    expect(await holdLeadSequences(db, input)).toBe(0);

    // A run that wakes now ends without sending.
    const ref: SequenceRef = active.ref;
    expect(await planNextSend(db, ref, { now: launch })).toEqual({
      action: "stop",
      reason: "recipient manual",
    });
    expect(await sendCampaignStep(db, ref, { stepIndex: 1, now: launch })).toEqual({
      outcome: "stopped",
      reason: "recipient manual",
    });
    const sent = await db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(inArray(emailMessages.recipientId, ids));
    expect(sent).toEqual([]);
    // A held sequence keeps its campaign from completing: the rep may hand the lead back.
    expect(await completeCampaignIfDone(db, org.id, active.campaign.id, launch)).toBe(false);
  });

  it("hands back: an active campaign's sequence restarts at its step, a paused one's waits for the resume", async () => {
    const { lead, active, paused, draft, stopped } = await leadInCampaigns();
    await holdLeadSequences(db, { organizationId: org.id, leadId: lead.id, reason: "mine" });
    // The stopped campaign's sequence was held before the campaign stopped.
    await db
      .update(campaignRecipients)
      .set({ state: "manual" })
      .where(eq(campaignRecipients.id, stopped.ref.recipientId));
    const ids = [active, paused, draft].map((c) => c.ref.recipientId);

    const scope = { organizationId: org.id, leadId: lead.id };
    expect(await resumeHeldSequences(db, { ...scope, organizationId: other.id })).toBe(0);
    expect(await resumeHeldSequences(db, scope)).toBe(3);
    expect(await recipient(active.ref.recipientId)).toMatchObject({
      state: "active",
      stateReason: null,
      nextStepIndex: 1,
      generation: active.ref.generation + 1,
    });
    expect(await recipient(paused.ref.recipientId)).toMatchObject({
      state: "active",
      generation: paused.ref.generation + 1,
    });
    // Never launched: back in the queue its launch starts.
    expect((await recipient(draft.ref.recipientId)).state).toBe("queued");
    expect((await recipient(stopped.ref.recipientId)).state).toBe("manual");
    // Only the active campaign's sequence starts now, with its new generation.
    expect(await events("campaign/recipient.started", ids)).toEqual([
      {
        organizationId: org.id,
        campaignId: active.campaign.id,
        recipientId: active.ref.recipientId,
        leadId: lead.id,
        generation: active.ref.generation + 1,
      },
    ]);

    // The new run sends step 2 — not step 1 again, nothing skipped.
    const now = new Date("2026-06-05T10:00:00Z");
    const resumed = { ...active.ref, generation: active.ref.generation + 1 };
    expect(await planNextSend(db, resumed, { now })).toMatchObject({
      action: "send",
      stepIndex: 1,
      due: true,
    });
    expect(await sendCampaignStep(db, resumed, { stepIndex: 1, now })).toMatchObject({
      outcome: "sent",
      stepIndex: 1,
      duplicate: false,
    });

    // The paused campaign's resume (its fan-out restarts active recipients) picks the lead up.
    await db
      .update(campaigns)
      .set({ status: "active" })
      .where(eq(campaigns.id, paused.campaign.id));
    const batch = await startRecipientBatch(db, {
      organizationId: org.id,
      campaignId: paused.campaign.id,
      includeActive: true,
      afterId: null,
    });
    expect(batch.count).toBe(1);
    expect((await recipient(paused.ref.recipientId)).generation).toBe(paused.ref.generation + 2);
  });

  it("takes over and hands back one campaign's sequence only", async () => {
    const { lead, active, paused } = await leadInCampaigns();
    const scope = { organizationId: org.id, leadId: lead.id, campaignId: active.campaign.id };
    expect(await holdLeadSequences(db, { ...scope, reason: "this one" })).toBe(1);
    expect((await recipient(active.ref.recipientId)).state).toBe("manual");
    expect((await recipient(paused.ref.recipientId)).state).toBe("active");

    await holdLeadSequences(db, { organizationId: org.id, leadId: lead.id, reason: "all" });
    expect(await resumeHeldSequences(db, scope)).toBe(1);
    expect((await recipient(active.ref.recipientId)).state).toBe("active");
    expect((await recipient(paused.ref.recipientId)).state).toBe("manual");
  });
});
