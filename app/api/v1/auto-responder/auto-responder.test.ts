import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { matchClassifiedReply } from "@/lib/auto-responder/match-classified-reply";
import { runRuleAction } from "@/lib/auto-responder/run-rule-action";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { api } from "@/lib/testing/api-client";
import {
  createTestRule,
  replyTemplate,
  ruleBody,
  unassignedLead,
} from "@/lib/testing/auto-responder-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

const RULES = "/api/v1/auto-responder/rules";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Autoresponder");
  other = await createTestOrg("Autoresponder other");
});

describe("auto-responder rules API", () => {
  it("a manager creates, reads, replaces, toggles and deletes a rule; audited", async () => {
    const token = org.members.manager.token;
    const template = await replyTemplate(org);
    const made = await api("POST", RULES, {
      token,
      body: ruleBody({
        name: "Pricing questions",
        conditions: {
          categories: ["question", "interested", "question"],
          campaignIds: [],
          keywords: ["price", "pricing"],
          leadFields: [{ field: "custom.plan", op: "eq", value: "pro" }],
          minConfidence: 0.7,
        },
        actions: {
          sendTemplateId: template.id,
          sendDelayMinutes: 15,
          notify: { owner: true, admins: true, userIds: [org.members.rep.id] },
          setStatus: "qualified",
          setOwnerId: org.members.rep.id,
          addTags: ["Pricing Asked"],
        },
        stopProcessing: true,
        oncePerLead: true,
      }),
    });
    expect(made.status).toBe(201);
    expect(made.headers.get("location")).toBe(`${RULES}/${made.json.id}`);
    expect(made.json).toMatchObject({
      name: "Pricing questions",
      enabled: true,
      matchCount: 0,
      lastMatchedAt: null,
      stopProcessing: true,
      oncePerLead: true,
    });
    expect(made.json.conditions.categories).toEqual(["question", "interested"]);
    expect(made.json.actions.addTags).toEqual(["pricing asked"]);

    const id = made.json.id as string;
    const read = await api("GET", `${RULES}/${id}`, { token: org.members.rep.token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(made.json);

    const second = await api("POST", RULES, { token, body: ruleBody({ name: "Second" }) });
    expect(second.json.priority).toBeGreaterThan(made.json.priority);
    const list = await api("GET", RULES, { token: org.members.rep.token });
    expect(list.status).toBe(200);
    expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([id, second.json.id]);
    expect(list.headers.get("x-total-count")).toBe("2");

    const replaced = await api("PUT", `${RULES}/${id}`, {
      token,
      body: ruleBody({ name: "Only interested", priority: 500 }),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ name: "Only interested", priority: 500 });
    expect(replaced.json.conditions.keywords).toEqual([]);
    expect(replaced.json.actions.sendTemplateId).toBeNull();

    const off = await api("PATCH", `${RULES}/${id}/toggle`, { token, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.json.enabled).toBe(false);
    const enabledOnly = await api("GET", `${RULES}?enabled=true`, { token });
    expect(enabledOnly.json.data.map((r: { id: string }) => r.id)).toEqual([second.json.id]);

    expect((await api("DELETE", `${RULES}/${id}`, { token })).status).toBe(204);
    expect((await api("GET", `${RULES}/${id}`, { token })).status).toBe(404);
    expect((await api("DELETE", `${RULES}/${id}`, { token })).status).toBe(404);

    const db = await getDb();
    const actions = (
      await db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.organizationId, org.id), eq(auditLogs.resourceId, id)))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "auto_responder_rule.created",
        "auto_responder_rule.updated",
        "auto_responder_rule.disabled",
        "auto_responder_rule.deleted",
      ]),
    );
  });

  it("a rep and an integration key read but may not write (403)", async () => {
    expect(
      (await api("POST", RULES, { token: org.members.rep.token, body: ruleBody() })).status,
    ).toBe(403);
    expect((await api("GET", RULES, { token: org.keys.integration.secret })).status).toBe(200);
    expect(
      (await api("POST", RULES, { token: org.keys.integration.secret, body: ruleBody() })).status,
    ).toBe(403);
  });

  it("400 per field for references outside the organization and malformed conditions", async () => {
    const foreignTemplate = await replyTemplate(other);
    const res = await api("POST", RULES, {
      token: org.members.admin.token,
      body: ruleBody({
        conditions: {
          categories: ["interested"],
          campaignIds: [foreignTemplate.id],
          keywords: [],
          leadFields: [],
          minConfidence: null,
        },
        actions: {
          sendTemplateId: foreignTemplate.id,
          sendDelayMinutes: 0,
          notify: { owner: false, admins: false, userIds: [other.members.rep.id] },
          setStatus: "no-such-status",
          setOwnerId: other.members.owner.id,
          addTags: [],
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "actions.notify.userIds[0]",
      "actions.sendTemplateId",
      "actions.setOwnerId",
      "actions.setStatus",
      "conditions.campaignIds[0]",
    ]);

    const bad = await api("POST", RULES, {
      token: org.members.admin.token,
      body: ruleBody({
        conditions: {
          categories: ["thrilled" as never],
          campaignIds: [],
          keywords: [],
          leadFields: [
            { field: "password", op: "eq", value: "x" },
            { field: "score", op: "gt", value: "lots" },
            { field: "tags", op: "in", value: "vip" },
          ],
          minConfidence: 2,
        },
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        "conditions.categories[0]",
        "conditions.leadFields[0].field",
        "conditions.leadFields[1].value",
        "conditions.leadFields[2].value",
        "conditions.minConfidence",
      ]),
    );
  });

  it("another organization can't see, change or detect a rule (404)", async () => {
    const made = await api("POST", RULES, { token: org.members.admin.token, body: ruleBody() });
    const path = `${RULES}/${made.json.id}`;
    const token = other.members.owner.token;
    expect((await api("GET", path, { token })).status).toBe(404);
    expect((await api("PUT", path, { token, body: ruleBody() })).status).toBe(404);
    expect((await api("PATCH", `${path}/toggle`, { token, body: { enabled: false } })).status).toBe(
      404,
    );
    expect((await api("DELETE", path, { token })).status).toBe(404);
    const list = await api("GET", RULES, { token });
    expect(list.json.data.map((r: { id: string }) => r.id)).not.toContain(made.json.id);
    expect((await api("GET", path, { token: org.members.rep.token })).json.enabled).toBe(true);
  });
});

describe("POST /api/v1/auto-responder/test", () => {
  it("classifies offline, explains each rule and renders the template for the lead; nothing runs", async () => {
    const fresh = await createTestOrg("Autoresponder test");
    const token = fresh.members.admin.token;
    const template = await replyTemplate(fresh);
    const pricing = await api("POST", RULES, {
      token,
      body: ruleBody({
        name: "Pricing",
        conditions: {
          categories: [],
          campaignIds: [],
          keywords: ["pricing", "cost"],
          leadFields: [{ field: "company", op: "contains", value: "acme" }],
          minConfidence: null,
        },
        actions: {
          sendTemplateId: template.id,
          sendDelayMinutes: 0,
          notify: { owner: false, admins: false, userIds: [] },
          setStatus: null,
          setOwnerId: null,
          addTags: ["pricing"],
        },
        stopProcessing: true,
      }),
    });
    const after = await api("POST", RULES, {
      token,
      body: ruleBody({
        name: "After",
        conditions: {
          categories: [],
          campaignIds: [],
          keywords: [],
          leadFields: [],
          minConfidence: null,
        },
      }),
    });
    const lead = await unassignedLead(fresh, { firstName: "Grace", company: "Acme Corp" });

    const res = await api("POST", "/api/v1/auto-responder/test", {
      token: fresh.members.rep.token,
      body: { text: "Hi, what does the pricing look like for 20 seats?", leadId: lead.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.classification).toMatchObject({ source: "classified", mode: "offline" });
    expect(res.json.lead).toEqual({ id: lead.id, name: expect.any(String) });
    const [first, second] = res.json.rules;
    expect(first).toMatchObject({ rule: { id: pricing.json.id }, matched: true, acts: true });
    expect(first.checks.map((c: { detail: string }) => c.detail)).toEqual([
      "found “pricing”",
      'company contains "acme": holds (lead has "Acme Corp")',
    ]);
    expect(first.actions.map((a: { type: string }) => a.type)).toEqual([
      "add_tags",
      "send_template",
    ]);
    expect(first.rendered).toMatchObject({ subject: "Thanks, Grace", templateId: template.id });
    expect(first.rendered.html).toContain("Hi Grace");
    expect(second).toMatchObject({
      rule: { id: after.json.id },
      matched: true,
      acts: false,
      skipped: "stopped",
    });

    // Nothing happened to the lead or the rules.
    const rule = await api("GET", `${RULES}/${pricing.json.id}`, { token });
    expect(rule.json.matchCount).toBe(0);
    const leadNow = await api("GET", `/api/v1/leads/${lead.id}`, { token });
    expect(leadNow.json.tags).toEqual([]);
  });

  it("a given category skips classification; a do-not-contact lead's send would be skipped", async () => {
    const fresh = await createTestOrg("Autoresponder test 2");
    const template = await replyTemplate(fresh);
    await api("POST", RULES, {
      token: fresh.members.owner.token,
      body: ruleBody({
        conditions: {
          categories: ["meeting_request"],
          campaignIds: [],
          keywords: [],
          leadFields: [],
          minConfidence: 0.5,
        },
        actions: {
          sendTemplateId: template.id,
          sendDelayMinutes: 30,
          notify: { owner: false, admins: false, userIds: [] },
          setStatus: null,
          setOwnerId: null,
          addTags: [],
        },
      }),
    });
    const lead = await unassignedLead(fresh, { doNotContact: true });
    const res = await api("POST", "/api/v1/auto-responder/test", {
      token: fresh.members.owner.token,
      body: { category: "meeting_request", confidence: 0.6, leadId: lead.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.classification).toMatchObject({
      category: "meeting_request",
      source: "given",
      mode: null,
      confidence: 0.6,
    });
    const [send] = res.json.rules[0].actions;
    expect(send).toMatchObject({
      type: "send_template",
      wouldSkip: "The lead is marked do not contact",
    });
    expect(send.description).toContain("after 30 minutes");

    // Without a lead, variables fall back.
    const bare = await api("POST", "/api/v1/auto-responder/test", {
      token: fresh.members.owner.token,
      body: { category: "meeting_request" },
    });
    expect(bare.json.rules[0].rendered.subject).toBe("Thanks, there");
  });

  it("400 without text or category; 404 for another organization's lead or campaign", async () => {
    const path = "/api/v1/auto-responder/test";
    const token = org.members.admin.token;
    expect((await api("POST", path, { token, body: {} })).status).toBe(400);
    const foreign = await unassignedLead(other);
    expect(
      (await api("POST", path, { token, body: { category: "interested", leadId: foreign.id } }))
        .status,
    ).toBe(404);
    expect(
      (await api("POST", path, { token, body: { category: "interested", campaignId: foreign.id } }))
        .status,
    ).toBe(404);
  });
});

describe("GET /api/v1/auto-responder/runs", () => {
  /** A lead's interested reply, classified offline and answered by the rules (as the job does). */
  async function answeredReply(o: TestOrg, ownerId: string | null) {
    const db = await getDb();
    const lead = await unassignedLead(o, { ownerId });
    const message = await recordInboundMessage(db, {
      organizationId: o.id,
      leadId: lead.id,
      channel: "email",
      matchedBy: "sender",
      inboundKind: "human_reply",
      body: "Sounds great, I'm interested — tell me more.",
      dedupeKey: `test:${newId()}`,
    });
    await classifyConversationMessage(
      db,
      { organizationId: o.id, messageId: message!.id },
      { model: null },
    );
    const match = await matchClassifiedReply(db, { organizationId: o.id, messageId: message!.id });
    for (const run of match!.runs) {
      for (const action of run.actions) {
        await runRuleAction(db, { organizationId: o.id, runId: run.runId, action });
      }
    }
    return lead.id;
  }

  it("lists what the rules did, newest first, only for leads the caller sees", async () => {
    const fresh = await createTestOrg("Autoresponder runs");
    const rule = await createTestRule(fresh, {
      name: "Tag interested",
      actions: {
        sendTemplateId: null,
        sendDelayMinutes: 0,
        notify: { owner: false, admins: false, userIds: [] },
        setStatus: null,
        setOwnerId: null,
        addTags: ["warm-reply"],
      },
    });
    const hidden = await answeredReply(fresh, fresh.members.rep2.id);
    const visible = await answeredReply(fresh, null);

    const all = await api("GET", "/api/v1/auto-responder/runs", {
      token: fresh.members.admin.token,
    });
    expect(all.status).toBe(200);
    expect(all.json.data.map((r: { leadId: string }) => r.leadId)).toEqual([visible, hidden]);
    expect(all.json.data[0]).toMatchObject({
      ruleId: rule.id,
      ruleName: "Tag interested",
      category: "interested",
      actions: { add_tags: { outcome: "done", detail: "warm-reply" } },
    });
    expect(all.headers.get("x-total-count")).toBe("2");

    const rep = await api("GET", "/api/v1/auto-responder/runs", { token: fresh.members.rep.token });
    expect(rep.json.data.map((r: { leadId: string }) => r.leadId)).toEqual([visible]);

    const byRule = await api("GET", `/api/v1/auto-responder/runs?ruleId=${rule.id}&perPage=1`, {
      token: fresh.members.owner.token,
    });
    expect(byRule.json.data).toHaveLength(1);
    expect(byRule.json.pagination).toMatchObject({ total: 2, totalPages: 2 });

    const outsider = await api("GET", "/api/v1/auto-responder/runs", {
      token: other.members.owner.token,
    });
    expect(outsider.json.data.map((r: { leadId: string }) => r.leadId)).not.toContain(visible);
    expect(
      (
        await api("GET", "/api/v1/auto-responder/runs?ruleId=nope", {
          token: fresh.members.admin.token,
        })
      ).status,
    ).toBe(400);
  });
});
