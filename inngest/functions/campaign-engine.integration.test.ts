import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients, campaigns, emailMessages, jobRuns } from "@/db/schema";
import { campaignStarted, leadReplied } from "@/inngest/events";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "@/lib/campaigns/sequence/test-campaign";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

/**
 * The whole path on the embedded engine, as the server runs it: launch event → outbox → fan-out
 * → one sequence per recipient → messages in the local outbox, with a fake clock (only Date is
 * faked, and kept in the past so the outbox relay, which compares with the database's clock,
 * delivers what the engine enqueues).
 */

let db: Database;
let org: TestOrg;
const launch = new Date("2026-05-04T08:00:00Z"); // a Monday
const at = (hoursAfterLaunch: number) => new Date(launch.getTime() + hoursAfterLaunch * 3600_000);

async function runAt(time: Date) {
  vi.setSystemTime(time);
  await runPendingJobs(() => new Date());
}

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Engine run");
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("a launched 3-step campaign on the embedded engine", () => {
  it("sends step 1, waits, sends step 2 … and stops a lead that replies", async () => {
    vi.setSystemTime(launch);
    await createTestMailbox(org.id);
    const ada = await createTestLead(org.id, { firstName: "Ada" });
    const bob = await createTestLead(org.id, { firstName: "Bob" });
    const { campaign, recipients } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 }), testStep(3, { delayDays: 2 })],
      leadIds: [ada.id, bob.id],
      launchedAt: launch,
    });
    const recipientOf = (leadId: string) => recipients.find((r) => r.leadId === leadId)!.id;
    // What POST /launch records: one event, however many recipients.
    await enqueueEvent(
      db,
      campaignStarted,
      { organizationId: org.id, campaignId: campaign.id },
      { organizationId: org.id },
    );

    const messages = () =>
      db
        .select()
        .from(emailMessages)
        .where(eq(emailMessages.campaignId, campaign.id))
        .orderBy(asc(emailMessages.stepIndex), asc(emailMessages.toAddress));
    const stepsSentTo = async (leadEmail: string) =>
      (await messages()).filter((m) => m.toAddress === leadEmail).map((m) => m.stepIndex);

    await runAt(launch);
    let sent = await messages();
    expect(sent.map((m) => m.stepIndex)).toEqual([0, 0]);
    // Delivered to the local outbox, each with the one-click unsubscribe headers.
    for (const m of sent) {
      expect(m.status).toBe("sent");
      expect(m.transport).toBe("local_outbox");
      expect(m.headers["List-Unsubscribe"]).toContain("/unsubscribe/");
      expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    const waiting = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.organizationId, org.id), eq(jobRuns.functionId, "campaign-sequence")));
    expect(waiting.map((r) => [r.status, r.waitingEvent])).toEqual([
      ["waiting", "lead/replied"],
      ["waiting", "lead/replied"],
    ]);

    // Half a day later nothing more is due.
    await runAt(at(12));
    expect(await messages()).toHaveLength(2);

    // A day after step 1: step 2 for both.
    await runAt(at(24));
    expect(await stepsSentTo(ada.email!)).toEqual([0, 1]);
    expect(await stepsSentTo(bob.email!)).toEqual([0, 1]);

    // Ada replies: her sequence ends there, and her last message is marked replied.
    await enqueueEvent(
      db,
      leadReplied,
      { organizationId: org.id, leadId: ada.id },
      { organizationId: org.id },
    );
    await runAt(at(30));
    const [adaRecipient] = await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.id, recipientOf(ada.id)));
    expect(adaRecipient).toMatchObject({ state: "replied", nextStepIndex: 2 });
    sent = await messages();
    expect(
      sent.find((m) => m.toAddress === ada.email && m.stepIndex === 1)!.repliedAt,
    ).not.toBeNull();

    // Two days after step 2: step 3 for Bob only, and with him the campaign is complete.
    await runAt(at(72));
    expect(await stepsSentTo(ada.email!)).toEqual([0, 1]);
    expect(await stepsSentTo(bob.email!)).toEqual([0, 1, 2]);
    const [bobRecipient] = await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.id, recipientOf(bob.id)));
    expect(bobRecipient!.state).toBe("completed");
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done).toMatchObject({ status: "completed" });
  });
});
