import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { asc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients, campaigns, emailMessages, type CampaignStep } from "@/db/schema";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import { queueEmail } from "@/lib/email/queue-email";
import { startRecipientBatch } from "@/lib/campaigns/sequence/start-sequences";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "@/lib/campaigns/sequence/test-campaign";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { campaignSequenceFn } from "./campaign-sequence";

/**
 * The sequence function under @inngest/test. Sleeps and waits are replaced by mocks that move a
 * fake clock (only Date is faked) to when they would end, so each step runs at the time it would
 * in production and the real domain functions write to the real test database.
 */

let db: Database;
let org: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Sequence");
  await createTestMailbox(org.id);
});

afterEach(() => {
  vi.useRealTimers();
});

function setClock(iso: string | Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

interface Script {
  /** Answer the wait after this step index with a reply. */
  replyAfterStep?: number;
  /** Runs when the wait after this step index begins (e.g. someone pauses the campaign). */
  duringWaitAfterStep?: Record<number, () => Promise<void>>;
  /** Run the handler of this step twice, as Inngest does when a result is lost in a crash. */
  runTwice?: string;
  /** What these steps return instead of running (a model's draft, say). */
  stepResults?: Record<string, unknown>;
}

function runSequence(ref: SequenceRef, script: Script = {}) {
  // Keyed by step id: the function is replayed from the top, and mocks are called on each replay.
  const sleeps = new Map<string, string>();
  const waits = new Map<string, string>();
  const engine = new InngestTestEngine({
    function: campaignSequenceFn,
    events: [{ name: "campaign/recipient.started", data: { ...ref } }],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw) as Context.Any;
      const run = ctx.step.run.bind(ctx.step);
      ctx.step.run = (async (id: string, fn: () => unknown) =>
        run(id, async () => {
          if (script.stepResults && id in script.stepResults) return script.stepResults[id];
          if (id === script.runTwice) await fn();
          return fn();
        })) as typeof ctx.step.run;
      ctx.step.sleepUntil = (async (id: string, until: string | Date) => {
        sleeps.set(id, new Date(until).toISOString());
        vi.setSystemTime(new Date(until));
      }) as typeof ctx.step.sleepUntil;
      ctx.step.waitForEvent = (async (id: string, opts: { timeout: Date }) => {
        const after = Number(/reply-after-step-(\d+)/.exec(id)![1]);
        if (!waits.has(id)) await script.duringWaitAfterStep?.[after]?.();
        waits.set(id, new Date(opts.timeout).toISOString());
        if (script.replyAfterStep === after) {
          return {
            name: "lead/replied",
            id: "reply",
            ts: Date.now(),
            data: { organizationId: ref.organizationId, leadId: ref.leadId, messageId: null },
          };
        }
        vi.setSystemTime(new Date(opts.timeout));
        return null;
      }) as typeof ctx.step.waitForEvent;
      return ctx;
    },
  });
  return { execute: () => engine.execute(), sleeps, waits };
}

async function sentMessages(recipientId: string) {
  return db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.recipientId, recipientId))
    .orderBy(asc(emailMessages.stepIndex));
}

async function recipient(id: string) {
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

const berlinWorkdays = {
  timezone: "Europe/Berlin",
  useLeadTimezone: false,
  sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
};

describe("campaign-sequence", () => {
  it("sends each step after its delay inside the window, across a DST change, then completes", async () => {
    const lead = await createTestLead(org.id, { timezone: "America/New_York" });
    // Friday 2026-03-27 16:30 CET; Berlin moves to CEST on Sunday the 29th.
    const launch = new Date("2026-03-27T15:30:00Z");
    const { campaign, refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 2 }), testStep(3, { delayHours: 3 })],
      leadIds: [lead.id],
      launchedAt: launch,
      values: berlinWorkdays,
    });
    setClock(launch);
    const { execute, waits, sleeps } = runSequence(refs[0]!);
    const { result } = await execute();
    expect(result).toEqual({ action: "done" });

    const messages = await sentMessages(refs[0]!.recipientId);
    expect(messages.map((m) => [m.stepIndex, m.createdAt.toISOString()])).toEqual([
      [0, "2026-03-27T15:30:00.000Z"],
      // Two days on is Sunday: Monday 09:00, now CEST (07:00Z, an hour earlier in UTC than CET).
      [1, "2026-03-30T07:00:00.000Z"],
      // Three hours after step 2, inside the window.
      [2, "2026-03-30T10:00:00.000Z"],
    ]);
    // Each wait for a reply lasts until the next step is due; no reply is awaited after the last.
    expect([...waits.entries()]).toEqual([
      ["reply-after-step-0-0", "2026-03-30T07:00:00.000Z"],
      ["reply-after-step-1-1", "2026-03-30T10:00:00.000Z"],
    ]);
    expect(sleeps.size).toBe(0);
    expect(await recipient(refs[0]!.recipientId)).toMatchObject({
      state: "completed",
      nextStepIndex: 3,
    });
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done!.status).toBe("completed");
  });

  it("sleeps until the window opens in the lead's own time zone", async () => {
    const lead = await createTestLead(org.id, { timezone: "America/New_York" });
    // Saturday 2026-03-07 12:00Z; New York moves to EDT on Sunday the 8th.
    const launch = new Date("2026-03-07T12:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
      values: { ...berlinWorkdays, useLeadTimezone: true },
    });
    setClock(launch);
    const { execute, sleeps } = runSequence(refs[0]!);
    await execute();
    // Monday 09:00 EDT = 13:00Z (it would be 14:00Z under EST).
    expect([...sleeps.entries()]).toEqual([["wait-step-0-0", "2026-03-09T13:00:00.000Z"]]);
    const [message] = await sentMessages(refs[0]!.recipientId);
    expect(message!.createdAt.toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("stops when the lead replies, marking the message it answered", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-04-01T10:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 })],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    setClock(launch);
    const { execute } = runSequence(refs[0]!, { replyAfterStep: 0 });
    const { result } = await execute();
    expect(result).toEqual({ action: "stop", reason: "replied" });
    const messages = await sentMessages(refs[0]!.recipientId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.repliedAt).not.toBeNull();
    expect(await recipient(refs[0]!.recipientId)).toMatchObject({
      state: "replied",
      stateReason: "replied",
    });
  });

  it("ends when the campaign is paused, and a resumed run continues at the next step", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-04-06T10:00:00Z");
    const { campaign, refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 }), testStep(3, { delayDays: 1 })],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const setStatus = (status: "active" | "paused") =>
      db.update(campaigns).set({ status }).where(eq(campaigns.id, campaign.id));
    setClock(launch);
    // Paused while waiting after step 1: the run's next look at the database ends it.
    const paused = runSequence(refs[0]!, {
      duringWaitAfterStep: { 0: async () => void (await setStatus("paused")) },
    });
    expect((await paused.execute()).result).toEqual({
      action: "stop",
      reason: "campaign paused",
    });
    expect(await sentMessages(refs[0]!.recipientId)).toHaveLength(1);

    // Resume: the campaign is active again and the fan-out restarts the recipient (new generation).
    await setStatus("active");
    await startRecipientBatch(db, {
      organizationId: org.id,
      campaignId: campaign.id,
      includeActive: true,
      afterId: null,
    });
    const restarted = await recipient(refs[0]!.recipientId);
    expect(restarted.generation).toBe(refs[0]!.generation + 1);
    const resumed = runSequence({ ...refs[0]!, generation: restarted.generation });
    expect((await resumed.execute()).result).toEqual({ action: "done" });
    const messages = await sentMessages(refs[0]!.recipientId);
    expect(messages.map((m) => m.stepIndex)).toEqual([0, 1, 2]);

    // The superseded run, were it to wake, sends nothing.
    const stale = runSequence(refs[0]!);
    expect((await stale.execute()).result).toMatchObject({ action: "stop" });
    expect(await sentMessages(refs[0]!.recipientId)).toHaveLength(3);
  });

  it("never sends twice when a send step runs again after a lost result", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-04-08T10:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    setClock(launch);
    const { execute } = runSequence(refs[0]!, { runTwice: "send-step-0-0" });
    expect((await execute()).result).toEqual({ action: "done" });
    expect(await sentMessages(refs[0]!.recipientId)).toHaveLength(1);
  });

  it("waits out a mailbox's hourly cap, then sends", async () => {
    const capped = await createTestOrg("Capped sequence");
    const mailbox = await createTestMailbox(capped.id, { hourlyCap: 1 });
    const lead = await createTestLead(capped.id);
    const launch = new Date("2026-04-08T10:00:00Z");
    const { refs } = await createTestCampaign(capped.id, {
      steps: [testStep(1)],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    // The mailbox already sent one message ten minutes ago.
    await queueEmail(db, {
      organizationId: capped.id,
      kind: "manual",
      from: mailbox.fromAddress,
      to: "someone@example.test",
      subject: "Earlier",
      text: "Earlier",
      mailboxId: mailbox.id,
      createdAt: new Date("2026-04-08T09:50:00Z"),
    });
    setClock(launch);
    const { execute, sleeps } = runSequence(refs[0]!);
    expect((await execute()).result).toEqual({ action: "done" });
    // Caps count to the minute: a slot frees once 09:50's whole minute has left the hour.
    expect([...sleeps.entries()]).toEqual([["deferred-step-0-0", "2026-04-08T10:51:00.000Z"]]);
    const [message] = await sentMessages(refs[0]!.recipientId);
    expect(message!.createdAt.toISOString()).toBe("2026-04-08T10:51:00.000Z");
  });
  it("drafts an AI-personalised step in its own step and sends exactly the drafted words", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-04-08T10:00:00Z");
    const step: CampaignStep = {
      ...testStep(1),
      ai: { personalize: "first_line", instructions: null },
    };
    step.variants[0]!.html = "<p>{{aiFirstLine}}</p><p>Step 1 for {{firstName|there}}.</p>";
    const { refs } = await createTestCampaign(org.id, {
      steps: [step],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    setClock(launch);
    const drafted = {
      stepId: "step-1",
      variantId: "v-1",
      mode: "llm",
      firstLine: "Loved your piece on cold email deliverability.",
      whole: null,
      notes: null,
    };
    const { execute } = runSequence(refs[0]!, {
      stepResults: { "draft-step-0-0": drafted },
      runTwice: "send-step-0-0",
    });
    expect((await execute()).result).toEqual({ action: "done" });
    const sent = await sentMessages(refs[0]!.recipientId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.html).toContain("Loved your piece on cold email deliverability.");
  });
});
