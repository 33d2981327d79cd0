import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { asc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { approvalRules, approvals, campaignRecipients, emailMessages } from "@/db/schema";
import { approveApproval, rejectApproval } from "@/lib/approvals/decide-approval";
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
 * The sequence waiting on approvals, under @inngest/test: the wait for `approval/decided` is a
 * mock that makes the decision through the real domain function (or lets the deadline pass,
 * moving the fake clock to it), so the approval rows, the recipient and the sent messages are
 * the real ones in the test database.
 */

let db: Database;
let org: TestOrg;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Sequence approvals");
  await createTestMailbox(org.id);
});

afterEach(() => {
  vi.useRealTimers();
});

type Decision =
  | { status: "approved"; edit?: { subject?: string; text?: string } }
  | { status: "rejected" }
  | { status: "timeout" };

function runSequence(ref: SequenceRef, decisions: Record<number, Decision>) {
  const waits: string[] = [];
  const decided = new Set<string>();
  const engine = new InngestTestEngine({
    function: campaignSequenceFn,
    events: [{ name: "campaign/recipient.started", data: { ...ref } }],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw) as Context.Any;
      ctx.step.sleepUntil = (async (_id: string, until: string | Date) => {
        vi.setSystemTime(new Date(until));
      }) as typeof ctx.step.sleepUntil;
      ctx.step.waitForEvent = (async (id: string, opts: { timeout: Date; if?: string }) => {
        const approval = /approval-step-(\d+)/.exec(id);
        if (!approval) {
          vi.setSystemTime(new Date(opts.timeout));
          return null;
        }
        const approvalId = /"([0-9a-f-]{36})"/.exec(opts.if ?? "")![1]!;
        const line = `${id} until ${new Date(opts.timeout).toISOString()}`;
        if (!waits.includes(line)) waits.push(line);
        const decision = decisions[Number(approval[1])] ?? { status: "timeout" };
        if (decision.status === "timeout") {
          vi.setSystemTime(new Date(opts.timeout));
          return null;
        }
        const ctxOwner = org.ctx("owner");
        // The function replays from the top; the decision is made once.
        if (decided.has(approvalId)) {
          // Decided on an earlier replay: only answer the wait again.
        } else if (decision.status === "approved") {
          await approveApproval(ctxOwner, approvalId, decision.edit ?? {});
        } else {
          await rejectApproval(ctxOwner, approvalId, { reason: "Not now" });
        }
        decided.add(approvalId);
        return {
          name: "approval/decided",
          id: "decided",
          ts: Date.now(),
          data: {
            organizationId: ref.organizationId,
            approvalId,
            kind: "campaign_step",
            status: decision.status,
          },
        };
      }) as typeof ctx.step.waitForEvent;
      return ctx;
    },
  });
  return { execute: () => engine.execute(), waits };
}

async function campaignWithRule(
  steps: number,
  rule: Partial<typeof approvalRules.$inferInsert> = {},
) {
  const lead = await createTestLead(org.id);
  const launch = new Date("2026-05-04T10:00:00Z");
  const made = await createTestCampaign(org.id, {
    steps: Array.from({ length: steps }, (_, i) => testStep(i + 1, { delayDays: i ? 1 : 0 })),
    leadIds: [lead.id],
    launchedAt: launch,
  });
  await db.insert(approvalRules).values({
    organizationId: org.id,
    name: "Campaign messages",
    trigger: "all_messages",
    campaignId: made.campaign.id,
    timeoutHours: 24,
    ...rule,
  });
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(launch);
  return { ref: made.refs[0]!, launch };
}

const sent = (recipientId: string) =>
  db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.recipientId, recipientId))
    .orderBy(asc(emailMessages.stepIndex));
const held = (recipientId: string) =>
  db
    .select()
    .from(approvals)
    .where(eq(approvals.recipientId, recipientId))
    .orderBy(asc(approvals.stepIndex));
const recipient = async (id: string) =>
  (await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id)))[0]!;

describe("campaign-sequence waiting for approval", () => {
  it("holds each step until approved, then sends the approved (edited) words exactly once", async () => {
    const { ref, launch } = await campaignWithRule(2);
    const { execute, waits } = runSequence(ref, {
      0: { status: "approved", edit: { subject: "A better subject", text: "Edited words." } },
      1: { status: "approved" },
    });
    const { result, error } = await execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ action: "done" });
    const due = new Date(launch.getTime() + 24 * 3600_000).toISOString();
    expect(waits[0]).toBe(`approval-step-0-0 until ${due}`);

    const messages = await sent(ref.recipientId);
    expect(messages.map((m) => m.stepIndex)).toEqual([0, 1]);
    expect(messages[0]!.subject).toBe("A better subject");
    expect(messages[0]!.text).toContain("Edited words.");
    // Edited text without HTML: the text is what goes out, not the old HTML.
    expect(messages[0]!.html).toContain("Edited words.");
    expect(messages[0]!.html).not.toContain("Step 1");

    const rows = await held(ref.recipientId);
    expect(rows.map((r) => r.status)).toEqual(["approved", "approved"]);
    expect(rows[0]!.original.subject).not.toBe("A better subject");
    expect(rows[0]!.edits).toHaveLength(1);
    expect(rows[0]!.edits[0]!.changes.subject).toEqual({
      from: rows[0]!.original.subject,
      to: "A better subject",
    });
    expect(await recipient(ref.recipientId)).toMatchObject({ state: "completed" });
  });

  it("skips a rejected step and goes on with the next", async () => {
    const { ref } = await campaignWithRule(2);
    const { execute } = runSequence(ref, {
      0: { status: "rejected" },
      1: { status: "approved" },
    });
    const { result } = await execute();
    expect(result).toEqual({ action: "done" });
    expect((await sent(ref.recipientId)).map((m) => m.stepIndex)).toEqual([1]);
    expect((await held(ref.recipientId)).map((r) => r.status)).toEqual(["rejected", "approved"]);
    expect(await recipient(ref.recipientId)).toMatchObject({ state: "completed" });
  });

  it("on timeout with 'send' sends the draft as it was, and marks the approval expired", async () => {
    const { ref } = await campaignWithRule(1, { timeoutAction: "send", timeoutHours: 2 });
    const { result } = await runSequence(ref, {}).execute();
    expect(result).toEqual({ action: "done" });
    const messages = await sent(ref.recipientId);
    expect(messages).toHaveLength(1);
    const [row] = await held(ref.recipientId);
    expect(row!.status).toBe("expired");
    expect(messages[0]!.subject).toBe(row!.original.subject);
  });

  it("on timeout with 'skip' sends nothing for that step and continues", async () => {
    const { ref } = await campaignWithRule(2, { timeoutAction: "skip" });
    const { result } = await runSequence(ref, { 1: { status: "approved" } }).execute();
    expect(result).toEqual({ action: "done" });
    expect((await sent(ref.recipientId)).map((m) => m.stepIndex)).toEqual([1]);
    expect((await held(ref.recipientId)).map((r) => r.status)).toEqual(["expired", "approved"]);
  });

  it("on timeout with 'stop' ends the lead's sequence", async () => {
    const { ref } = await campaignWithRule(2, { timeoutAction: "stop" });
    const { result } = await runSequence(ref, {}).execute();
    expect(result).toMatchObject({ action: "stop" });
    expect(await sent(ref.recipientId)).toHaveLength(0);
    expect((await held(ref.recipientId)).map((r) => r.status)).toEqual(["expired"]);
    expect(await recipient(ref.recipientId)).toMatchObject({
      state: "removed",
      stateReason: "Sequence stopped: approval of step 1 timed out",
    });
  });

  it("sends without waiting when no rule applies (a disabled rule holds nothing)", async () => {
    const { ref } = await campaignWithRule(1, { enabled: false });
    const { result, state } = await runSequence(ref, {})
      .execute()
      .then((r) => ({
        result: r.result,
        state: r,
      }));
    expect(state).toBeDefined();
    expect(result).toEqual({ action: "done" });
    expect(await sent(ref.recipientId)).toHaveLength(1);
    expect(await held(ref.recipientId)).toHaveLength(0);
  });
});
