import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { asc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { campaignRecipients, emailMessages, outboxEvents } from "@/db/schema";
import { holdLeadSequences, resumeHeldSequences } from "@/lib/campaigns/hold-sequences";
import { postponeLeadSequences } from "@/lib/campaigns/postpone-sequences";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "@/lib/campaigns/sequence/test-campaign";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { campaignSequenceFn } from "./campaign-sequence";

/**
 * What the lead (or a rep) does while a sequence waits: a reply, an out-of-office with a return
 * date, a rep taking the lead over and handing it back. The sequence function runs under
 * @inngest/test with sleeps and waits replaced by mocks that move a fake clock (only Date is
 * faked), and the real domain functions write to the real test database.
 */

let db: Database;
let org: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Sequence replies");
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
  /** Answer the wait after this step index with a `lead/replied` event. */
  replyAfterStep?: number;
  /** Runs (once) when the wait for a reply after this step index begins. */
  duringWaitAfterStep?: Record<number, () => Promise<void>>;
  /** Runs (once) when a sleep with this step id begins. */
  duringSleep?: Record<string, () => Promise<void>>;
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
      ctx.step.sleepUntil = (async (id: string, until: string | Date) => {
        if (!sleeps.has(id)) await script.duringSleep?.[id]?.();
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

describe("campaign-sequence and the lead's replies", () => {
  it("(a) a lead/replied while the sequence waits stops it: replied, no further step", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-05-04T10:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 2 }), testStep(3, { delayDays: 2 })],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const ref = refs[0]!;
    setClock(launch);
    const { execute, waits } = runSequence(ref, { replyAfterStep: 1 });
    expect((await execute()).result).toEqual({ action: "stop", reason: "replied" });
    expect([...waits.keys()]).toEqual(["reply-after-step-0-0", "reply-after-step-1-1"]);

    const messages = await sentMessages(ref.recipientId);
    expect(messages.map((m) => m.stepIndex)).toEqual([0, 1]);
    // The reply is put on the message it answered: the latest one.
    expect(messages.map((m) => m.repliedAt !== null)).toEqual([false, true]);
    expect(await recipient(ref.recipientId)).toMatchObject({ state: "replied", nextStepIndex: 2 });

    // A run started again for this recipient (a stale event) sends nothing more; its only
    // recipient having replied, the campaign completed.
    const again = runSequence(ref);
    expect((await again.execute()).result).toEqual({
      action: "stop",
      reason: "campaign completed",
    });
    expect(await sentMessages(ref.recipientId)).toHaveLength(2);
  });

  it("(b) an out-of-office while waiting: the next step is planned for the return date, in the window", async () => {
    const lead = await createTestLead(org.id);
    // Monday 2026-05-04 10:00 Berlin; step 2 would be due Tuesday.
    const launch = new Date("2026-05-04T08:00:00Z");
    const back = new Date("2026-05-11T00:00:00Z"); // away until Monday the 11th
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 })],
      leadIds: [lead.id],
      launchedAt: launch,
      values: berlinWorkdays,
    });
    const ref = refs[0]!;
    setClock(launch);
    const { execute, sleeps, waits } = runSequence(ref, {
      duringWaitAfterStep: {
        0: async () => {
          expect(
            await postponeLeadSequences(db, {
              organizationId: org.id,
              leadId: lead.id,
              until: back,
            }),
          ).toBe(1);
        },
      },
    });
    expect((await execute()).result).toEqual({ action: "done" });
    // The wait for a reply ran to the step's old time; the plan then moved it to the return date,
    // opened by the window: Monday 09:00 Berlin (07:00Z).
    expect([...waits.values()]).toEqual(["2026-05-05T08:00:00.000Z"]);
    expect([...sleeps.entries()]).toEqual([["wait-step-1-1", "2026-05-11T07:00:00.000Z"]]);
    const messages = await sentMessages(ref.recipientId);
    expect(messages.map((m) => [m.stepIndex, m.createdAt.toISOString()])).toEqual([
      [0, "2026-05-04T08:00:00.000Z"],
      [1, "2026-05-11T07:00:00.000Z"],
    ]);
    expect((await recipient(ref.recipientId)).postponedUntil).toEqual(back);
  });

  it("(b) an out-of-office while a run sleeps before a step: the send waits until the return date", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-05-04T10:00:00Z");
    const back = new Date("2026-05-08T12:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 })],
      leadIds: [lead.id],
      launchedAt: launch,
      // No wait for a reply: the run sleeps straight until step 2 is due.
      values: { stopConditions: { reply: false, bounce: true, statusCategories: [] } },
    });
    const ref = refs[0]!;
    setClock(launch);
    const { execute, sleeps } = runSequence(ref, {
      duringSleep: {
        "wait-step-1-1": async () => {
          await postponeLeadSequences(db, { organizationId: org.id, leadId: lead.id, until: back });
        },
      },
    });
    expect((await execute()).result).toEqual({ action: "done" });
    expect([...sleeps.entries()]).toEqual([
      ["wait-step-1-1", "2026-05-05T10:00:00.000Z"],
      ["deferred-step-1-1", back.toISOString()],
    ]);
    const messages = await sentMessages(ref.recipientId);
    expect(messages.map((m) => [m.stepIndex, m.createdAt.toISOString()])).toEqual([
      [0, launch.toISOString()],
      [1, back.toISOString()],
    ]);
  });

  it("(c) taken over: no automated step; handed back: the next run sends the step it had reached", async () => {
    const lead = await createTestLead(org.id);
    const launch = new Date("2026-05-04T10:00:00Z");
    const { refs } = await createTestCampaign(org.id, {
      steps: [testStep(1), testStep(2, { delayDays: 1 }), testStep(3, { delayDays: 1 })],
      leadIds: [lead.id],
      launchedAt: launch,
    });
    const ref = refs[0]!;
    setClock(launch);
    // The rep takes the lead over while the sequence waits after step 1.
    const held = runSequence(ref, {
      duringWaitAfterStep: {
        0: async () => {
          expect(
            await holdLeadSequences(db, {
              organizationId: org.id,
              leadId: lead.id,
              reason: "Taken over by hand",
            }),
          ).toBe(1);
        },
      },
    });
    expect((await held.execute()).result).toEqual({ action: "stop", reason: "recipient manual" });
    expect((await sentMessages(ref.recipientId)).map((m) => m.stepIndex)).toEqual([0]);
    expect(await recipient(ref.recipientId)).toMatchObject({
      state: "manual",
      stateReason: "Taken over by hand",
      nextStepIndex: 1,
    });
    // The run was also told to stop (in production that cancels it at once).
    const stops = await db
      .select({ data: outboxEvents.data })
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "campaign/recipient.stopped"));
    expect(stops.some((e) => e.data.recipientId === ref.recipientId)).toBe(true);

    // Days later the rep hands the lead back.
    vi.setSystemTime(new Date("2026-05-12T10:00:00Z"));
    expect(await resumeHeldSequences(db, { organizationId: org.id, leadId: lead.id })).toBe(1);
    const back = await recipient(ref.recipientId);
    expect(back).toMatchObject({ state: "active", generation: ref.generation + 1 });
    const started = await db
      .select({ data: outboxEvents.data })
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "campaign/recipient.started"));
    expect(started.filter((e) => e.data.recipientId === ref.recipientId)).toEqual([
      { data: expect.objectContaining({ generation: back.generation }) },
    ]);

    const resumed = runSequence({ ...ref, generation: back.generation });
    expect((await resumed.execute()).result).toEqual({ action: "done" });
    const messages = await sentMessages(ref.recipientId);
    // Step 2 went out at once (its delay has long passed), step 3 a day later: none twice.
    expect(messages.map((m) => [m.stepIndex, m.createdAt.toISOString()])).toEqual([
      [0, launch.toISOString()],
      [1, "2026-05-12T10:00:00.000Z"],
      [2, "2026-05-13T10:00:00.000Z"],
    ]);
    expect(await recipient(ref.recipientId)).toMatchObject({
      state: "completed",
      nextStepIndex: 3,
    });

    // The run that was held, were it to wake, sends nothing.
    const stale = runSequence(ref);
    expect((await stale.execute()).result).toMatchObject({ action: "stop" });
    expect(await sentMessages(ref.recipientId)).toHaveLength(3);
  });
});
