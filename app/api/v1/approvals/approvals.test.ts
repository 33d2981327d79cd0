import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { approvals, conversationMessages, notifications } from "@/db/schema";
import { sendApprovedReply, expireApproval } from "@/lib/approvals/send-approved-reply";
import { sendOrSubmitForApproval } from "@/lib/approvals/send-or-submit";
import { createTestMailbox } from "@/lib/campaigns/sequence/test-campaign";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Approvals");
  await createTestMailbox(org.id);
});

const admin = () => org.members.admin.token;
const rule = (body: Record<string, unknown>, token = admin()) =>
  api("POST", "/api/v1/approvals/rules", { token, body });

async function lead(ownerId: string | null = null) {
  return createLead(org.ctx("owner"), {
    firstName: "Ada",
    email: `ada-${newId().slice(-12)}@example.test`,
    ownerId,
  });
}

const draft = (
  leadId: string,
  extra: Partial<Parameters<typeof sendOrSubmitForApproval>[1]> = {},
) =>
  sendOrSubmitForApproval(org.ctx("owner"), {
    leadId,
    subject: "Re: pricing",
    text: "Our prices start at 10 EUR.",
    source: "ai_reply",
    aiDrafted: true,
    ...extra,
  });

async function sentTexts(leadId: string) {
  const db = await getDb();
  const rows = await db
    .select({ body: conversationMessages.fullText, subject: conversationMessages.subject })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.leadId, leadId), eq(conversationMessages.direction, "outbound")),
    );
  return rows;
}

describe("approval rules", () => {
  it("are created by admins, listed by priority, toggled, replaced and deleted", async () => {
    const fresh = await createTestOrg("Rules");
    const token = fresh.members.admin.token;
    const a = await rule({ name: "Later", trigger: "all_messages", priority: 50 }, token);
    expect(a.status).toBe(201);
    expect(a.headers.get("location")).toBe(`/api/v1/approvals/rules/${a.json.id}`);
    expect(a.json).toMatchObject({ enabled: true, timeoutHours: 24, timeoutAction: "skip" });
    const b = await rule({ name: "First", trigger: "ai_drafted", priority: 10 }, token);
    const list = await api("GET", "/api/v1/approvals/rules", { token: fresh.members.rep.token });
    expect(list.json.data.map((r: { name: string }) => r.name)).toEqual(["First", "Later"]);

    const off = await api("PATCH", `/api/v1/approvals/rules/${b.json.id}/toggle`, { token });
    expect(off.json.enabled).toBe(false);
    const on = await api("PATCH", `/api/v1/approvals/rules/${b.json.id}/toggle`, {
      token,
      body: { enabled: true },
    });
    expect(on.json.enabled).toBe(true);

    const put = await api("PUT", `/api/v1/approvals/rules/${a.json.id}`, {
      token,
      body: { name: "Renamed", trigger: "first_message", timeoutAction: "stop", timeoutHours: 4 },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ name: "Renamed", trigger: "first_message", priority: 100 });
    expect((await api("DELETE", `/api/v1/approvals/rules/${a.json.id}`, { token })).status).toBe(
      204,
    );
    expect((await api("DELETE", `/api/v1/approvals/rules/${a.json.id}`, { token })).status).toBe(
      404,
    );
  });

  it("refuses an approver who may not approve, another org's campaign and unknown fields", async () => {
    const rep = await rule({
      name: "x",
      trigger: "all_messages",
      approverUserId: org.members.rep.id,
    });
    expect(rep.status).toBe(400);
    expect(rep.json.errors[0].path).toBe("approverUserId");
    const campaign = await rule({ name: "x", trigger: "all_messages", campaignId: newId() });
    expect(campaign.status).toBe(400);
    const extra = await rule({ name: "x", trigger: "all_messages", organizationId: newId() });
    expect(extra.status).toBe(400);
    const bad = await rule({ name: "x", trigger: "sometimes" });
    expect(bad.status).toBe(400);
  });

  it("test: says which rule would hold a message and why each did or didn't", async () => {
    const fresh = await createTestOrg("Rule test");
    const token = fresh.members.admin.token;
    await rule({ name: "Disabled", trigger: "all_messages", priority: 1, enabled: false }, token);
    await rule({ name: "AI drafts", trigger: "ai_drafted", priority: 5 }, token);
    await rule({ name: "Positive", trigger: "positive_reply", priority: 9 }, token);
    const held = await api("POST", "/api/v1/approvals/rules/test", {
      token: fresh.members.rep.token,
      body: { aiDrafted: true },
    });
    expect(held.status).toBe(200);
    expect(held.json.held).toBe(true);
    expect(held.json.rule.name).toBe("AI drafts");
    expect(held.json.reason).toBe("AI drafts: the message was drafted by AI");
    expect(held.json.evaluated.map((v: { why: string }) => v.why)).toEqual([
      "disabled",
      "the message was drafted by AI",
      "not considered: an earlier rule matched",
    ]);
    const free = await api("POST", "/api/v1/approvals/rules/test", {
      token,
      body: { aiDrafted: false },
    });
    expect(free.json).toMatchObject({ held: false, rule: null });
  });
});

describe("sendOrSubmitForApproval and the queue", () => {
  it("sends at once when no rule applies", async () => {
    const fresh = await createTestOrg("No rules");
    await createTestMailbox(fresh.id);
    const l = await createLead(fresh.ctx("owner"), {
      firstName: "Bo",
      email: `bo-${newId().slice(-12)}@example.test`,
      ownerId: null,
    });
    const result = await sendOrSubmitForApproval(fresh.ctx("owner"), {
      leadId: l.id,
      subject: "Hello",
      text: "Hi Bo",
      source: "manual",
      aiDrafted: false,
    });
    expect(result.status).toBe("sent");
  });

  it("holds an AI draft; an approver edits and approves it once; the edit is tracked and sent", async () => {
    const created = await rule({ name: "AI replies", trigger: "ai_drafted", priority: 1 });
    const l = await lead();
    const held = await draft(l.id);
    expect(held.status).toBe("pending_approval");
    if (held.status !== "pending_approval") return;
    expect(await sentTexts(l.id)).toHaveLength(0);

    const list = await api("GET", "/api/v1/approvals", { token: org.members.rep.token });
    expect(list.status).toBe(200);
    const item = list.json.data.find((a: { id: string }) => a.id === held.approvalId);
    expect(item).toMatchObject({
      status: "pending",
      kind: "reply",
      ruleId: created.json.id,
      reason: "AI replies: the message was drafted by AI",
      aiDrafted: true,
      lead: { id: l.id },
    });
    expect(list.json.stats.pending).toBeGreaterThanOrEqual(1);

    const detail = await api("GET", `/api/v1/approvals/${held.approvalId}`, { token: admin() });
    expect(detail.json.preview).toMatchObject({ to: l.email, subject: "Re: pricing" });
    expect(detail.json.preview.html).toContain("Our prices start at 10 EUR.");

    const rep = await api("POST", `/api/v1/approvals/${held.approvalId}/approve`, {
      token: org.members.rep.token,
      body: {},
    });
    expect(rep.status).toBe(403);

    const approved = await api("POST", `/api/v1/approvals/${held.approvalId}/approve`, {
      token: org.members.manager.token,
      body: { text: "Our prices start at 9 EUR.", note: "cheaper" },
    });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      status: "approved",
      decidedBy: org.members.manager.id,
      decisionNote: "cheaper",
      text: "Our prices start at 9 EUR.",
      original: { text: "Our prices start at 10 EUR." },
    });
    expect(approved.json.edits).toHaveLength(1);
    expect(approved.json.edits[0].changes.text).toEqual({
      from: "Our prices start at 10 EUR.",
      to: "Our prices start at 9 EUR.",
    });
    const again = await api("POST", `/api/v1/approvals/${held.approvalId}/reject`, {
      token: admin(),
      body: { reason: "too late" },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("conflict");

    const db = await getDb();
    const first = await sendApprovedReply(db, org.id, held.approvalId);
    expect(first).toMatchObject({ sent: true, duplicate: false });
    const second = await sendApprovedReply(db, org.id, held.approvalId);
    expect(second).toMatchObject({ sent: true, duplicate: true });
    const sent = await sentTexts(l.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain("Our prices start at 9 EUR.");
    await api("PATCH", `/api/v1/approvals/rules/${created.json.id}/toggle`, {
      token: admin(),
      body: { enabled: false },
    });
  });

  it("request changes → the owner is notified, edits, and it is pending again; then rejected, never sent", async () => {
    const created = await rule({ name: "Everything", trigger: "all_messages" });
    const l = await lead(org.members.rep.id);
    const held = await draft(l.id, { aiDrafted: false, source: "manual" });
    if (held.status !== "pending_approval") throw new Error("expected a held message");
    const back = await api("POST", `/api/v1/approvals/${held.approvalId}/request-changes`, {
      token: org.members.manager.token,
      body: { note: "Mention the trial" },
    });
    expect(back.json.status).toBe("changes_requested");
    const db = await getDb();
    const [notice] = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, org.members.rep.id),
          eq(notifications.type, "approval_changes_requested"),
        ),
      );
    expect(notice?.body).toBe("Mention the trial");
    // Deciding while it is with the owner is a conflict.
    const early = await api("POST", `/api/v1/approvals/${held.approvalId}/approve`, {
      token: admin(),
      body: {},
    });
    expect(early.status).toBe(409);

    const edited = await api("PATCH", `/api/v1/approvals/${held.approvalId}`, {
      token: org.members.rep.token,
      body: { text: "Try it free for 14 days." },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ status: "pending", decidedBy: null });
    expect(edited.json.edits[0].userId).toBe(org.members.rep.id);

    const rejected = await api("POST", `/api/v1/approvals/${held.approvalId}/reject`, {
      token: admin(),
      body: { reason: "Not now" },
    });
    expect(rejected.json).toMatchObject({ status: "rejected", decisionNote: "Not now" });
    expect(await sendApprovedReply(db, org.id, held.approvalId)).toMatchObject({ sent: false });
    expect(await sentTexts(l.id)).toHaveLength(0);

    const history = await api("GET", "/api/v1/approvals?status=history", { token: admin() });
    expect(history.json.data.map((a: { id: string }) => a.id)).toContain(held.approvalId);
    expect(history.json.stats.rejected).toBeGreaterThanOrEqual(1);
    expect(history.json.stats.medianDecisionSeconds).not.toBeNull();
    await api("DELETE", `/api/v1/approvals/rules/${created.json.id}`, { token: admin() });
  });

  it("delegates only to members who may approve; the delegate then decides", async () => {
    const created = await rule({
      name: "Admins only",
      trigger: "all_messages",
      approverRole: "admin",
    });
    const l = await lead();
    const held = await draft(l.id);
    if (held.status !== "pending_approval") throw new Error("expected a held message");
    const manager = await api("POST", `/api/v1/approvals/${held.approvalId}/approve`, {
      token: org.members.manager.token,
      body: {},
    });
    expect(manager.status).toBe(403);
    const toRep = await api("POST", `/api/v1/approvals/${held.approvalId}/delegate`, {
      token: admin(),
      body: { userId: org.members.rep.id },
    });
    expect(toRep.status).toBe(400);
    const toManager = await api("POST", `/api/v1/approvals/${held.approvalId}/delegate`, {
      token: admin(),
      body: { userId: org.members.manager.id },
    });
    expect(toManager.json).toMatchObject({
      assigneeUserId: org.members.manager.id,
      delegatedBy: org.members.admin.id,
    });
    const mine = await api("GET", "/api/v1/approvals?assignee=me", {
      token: org.members.manager.token,
    });
    expect(mine.json.data.map((a: { id: string }) => a.id)).toEqual([held.approvalId]);
    const ok = await api("POST", `/api/v1/approvals/${held.approvalId}/approve`, {
      token: org.members.manager.token,
      body: {},
    });
    expect(ok.status).toBe(200);
    await api("DELETE", `/api/v1/approvals/rules/${created.json.id}`, { token: admin() });
  });

  it("positive_reply holds messages to a lead whose latest reply was interested, as urgent", async () => {
    const created = await rule({ name: "Hot leads", trigger: "positive_reply" });
    const l = await lead();
    const db = await getDb();
    const cold = await draft(l.id, { aiDrafted: false });
    expect(cold.status).toBe("sent");
    const reply = await recordInboundMessage(db, {
      organizationId: org.id,
      leadId: l.id,
      channel: "email",
      matchedBy: "sender",
      inboundKind: "human_reply",
      subject: "Re: pricing",
      body: "Sounds great, let's talk",
      dedupeKey: `t:${newId()}`,
    });
    await db
      .update(conversationMessages)
      .set({ classification: { category: "interested", confidence: 0.9 } })
      .where(eq(conversationMessages.id, reply!.id));
    const hot = await draft(l.id, { aiDrafted: false });
    expect(hot.status).toBe("pending_approval");
    if (hot.status !== "pending_approval") return;
    const urgent = await api("GET", "/api/v1/approvals?urgent=true", { token: admin() });
    expect(urgent.json.data.map((a: { id: string }) => a.id)).toContain(hot.approvalId);
    await api("DELETE", `/api/v1/approvals/rules/${created.json.id}`, { token: admin() });
  });

  it("expires at its deadline; a reply whose rule says 'send' then goes out as drafted", async () => {
    const created = await rule({
      name: "Send anyway",
      trigger: "all_messages",
      timeoutAction: "send",
      timeoutHours: 1,
    });
    const l = await lead();
    const held = await draft(l.id);
    if (held.status !== "pending_approval") throw new Error("expected a held message");
    const db = await getDb();
    expect(await expireApproval(db, org.id, held.approvalId)).toMatchObject({ status: "pending" });
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await expireApproval(db, org.id, held.approvalId, later)).toMatchObject({
      status: "expired",
      timeoutAction: "send",
    });
    expect(await sendApprovedReply(db, org.id, held.approvalId)).toMatchObject({ sent: true });
    const [row] = await db.select().from(approvals).where(eq(approvals.id, held.approvalId));
    expect(row!.sentMessageId).not.toBeNull();
    await api("DELETE", `/api/v1/approvals/rules/${created.json.id}`, { token: admin() });
  });

  it("answers bad queries with 400 and unknown ids with 404", async () => {
    expect((await api("GET", "/api/v1/approvals?status=maybe", { token: admin() })).status).toBe(
      400,
    );
    expect((await api("GET", "/api/v1/approvals?sort=-subject", { token: admin() })).status).toBe(
      400,
    );
    expect((await api("GET", "/api/v1/approvals?cursor=zzz", { token: admin() })).status).toBe(400);
    expect((await api("GET", `/api/v1/approvals/${newId()}`, { token: admin() })).status).toBe(404);
    expect((await api("GET", "/api/v1/approvals/not-a-uuid", { token: admin() })).status).toBe(404);
    const empty = await api("POST", `/api/v1/approvals/${newId()}/reject`, {
      token: admin(),
      body: {},
    });
    expect(empty.status).toBe(400);
  });
});
