import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { approvalRules, approvals, conversationMessages } from "@/db/schema";
import { approveApproval } from "@/lib/approvals/decide-approval";
import { sendOrSubmitForApproval } from "@/lib/approvals/send-or-submit";
import { createTestMailbox } from "@/lib/campaigns/sequence/test-campaign";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { expireApprovalFn } from "./expire-approval";
import { sendOnApprovalFn } from "./send-on-approval";

/** The two jobs behind held replies: send once approved, and the deadline's timeout action. */

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Reply approvals");
  await createTestMailbox(org.id);
});
afterEach(() => vi.useRealTimers());

async function heldReply(timeoutAction: "send" | "skip" | "stop") {
  const db = await getDb();
  await db.delete(approvalRules).where(eq(approvalRules.organizationId, org.id));
  await db.insert(approvalRules).values({
    organizationId: org.id,
    name: `Hold (${timeoutAction})`,
    trigger: "all_messages",
    timeoutHours: 2,
    timeoutAction,
  });
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Cy",
    email: `cy-${newId().slice(-12)}@example.test`,
    ownerId: null,
  });
  const held = await sendOrSubmitForApproval(org.ctx("owner"), {
    leadId: lead.id,
    subject: "Re: your question",
    text: "Yes, we integrate with Slack.",
    source: "auto_responder",
    aiDrafted: false,
  });
  if (held.status !== "pending_approval") throw new Error("expected a held reply");
  const [row] = await db.select().from(approvals).where(eq(approvals.id, held.approvalId));
  return { leadId: lead.id, approvalId: held.approvalId, dueAt: row!.dueAt };
}

async function outbound(leadId: string) {
  const db = await getDb();
  return db
    .select({ text: conversationMessages.fullText })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.leadId, leadId), eq(conversationMessages.direction, "outbound")),
    );
}

const decided = (approvalId: string, status: "approved" | "rejected") =>
  new InngestTestEngine({
    function: sendOnApprovalFn,
    events: [
      {
        name: "approval/decided",
        data: { organizationId: org.id, approvalId, kind: "reply", status },
      },
    ],
  }).execute();

/** The deadline watch, with its sleep replaced by moving the (Date-only) fake clock past it. */
const watch = (approvalId: string, dueAt: Date) =>
  new InngestTestEngine({
    function: expireApprovalFn,
    events: [
      {
        name: "approval/requested",
        data: { organizationId: org.id, approvalId, kind: "reply", dueAt: dueAt.toISOString() },
      },
    ],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw) as Context.Any;
      ctx.step.sleepUntil = (async (_id: string, until: string | Date) => {
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(new Date(new Date(until).getTime() + 1_000));
      }) as typeof ctx.step.sleepUntil;
      return ctx;
    },
  }).execute();

describe("send-on-approval", () => {
  it("sends the approved, edited reply once, and nothing for a rejection", async () => {
    const held = await heldReply("skip");
    await approveApproval(org.ctx("manager"), held.approvalId, {
      text: "Yes — Slack and Teams.",
    });
    const first = await decided(held.approvalId, "approved");
    expect(first.result).toMatchObject({ sent: true, duplicate: false });
    const again = await decided(held.approvalId, "approved");
    expect(again.result).toMatchObject({ sent: true, duplicate: true });
    const sent = await outbound(held.leadId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Yes — Slack and Teams.");

    const other = await heldReply("skip");
    const rejected = await decided(other.approvalId, "rejected");
    expect(rejected.result).toMatchObject({ sent: false });
    expect(await outbound(other.leadId)).toHaveLength(0);
  });
});

describe("expire-approval", () => {
  it.each([
    ["send", 1],
    ["skip", 0],
    ["stop", 0],
  ] as const)("timeout action %s: expired, %i message sent", async (action, count) => {
    const held = await heldReply(action);
    const { result } = await watch(held.approvalId, held.dueAt);
    expect(result).toMatchObject({ expired: true, sent: action === "send" });
    const db = await getDb();
    const [row] = await db.select().from(approvals).where(eq(approvals.id, held.approvalId));
    expect(row!.status).toBe("expired");
    expect(await outbound(held.leadId)).toHaveLength(count);
  });

  it("leaves a decision made in time alone", async () => {
    const held = await heldReply("send");
    await approveApproval(org.ctx("owner"), held.approvalId, {});
    const { result } = await watch(held.approvalId, held.dueAt);
    expect(result).toMatchObject({ expired: false, status: "approved" });
  });
});
