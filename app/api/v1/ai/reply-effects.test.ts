import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, leads } from "@/db/schema";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { api } from "@/lib/testing/api-client";
import { leadReply } from "@/lib/testing/ai-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

const PATH = "/api/v1/ai/reply-effects";
const put = (org: TestOrg, body: unknown, token = org.members.admin.token) =>
  api("PUT", PATH, { token, body });

const INTERESTED = {
  effects: { interested: { status: "qualified", temperature: "hot", notifyOwner: true } },
  createReferralLeads: true,
};

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Reply effects");
});

describe("GET/PUT /api/v1/ai/reply-effects", () => {
  it("starts with no effects, readable by a rep", async () => {
    const fresh = await createTestOrg("Reply effects defaults");
    const res = await api("GET", PATH, { token: fresh.members.rep.token });
    expect(res.status).toBe(200);
    expect(res.json.createReferralLeads).toBe(false);
    expect(res.json.effects.interested).toEqual({
      status: null,
      temperature: null,
      notifyOwner: false,
    });
    expect(Object.keys(res.json.effects)).toContain("wrong_person");
  });

  it("round trips what an admin saves and audits it", async () => {
    const saved = await put(org, INTERESTED);
    expect(saved.status).toBe(200);
    expect(saved.json.effects.interested).toEqual(INTERESTED.effects.interested);
    expect(saved.json.createReferralLeads).toBe(true);

    const read = await api("GET", PATH, { token: org.members.rep.token });
    expect(read.json).toEqual(saved.json);
    expect(read.json.effects.question).toEqual({
      status: null,
      temperature: null,
      notifyOwner: false,
    });

    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, org.id),
          eq(auditLogs.action, "ai_settings.reply_effects_updated"),
        ),
      );
    expect(audit.length).toBeGreaterThan(0);
  });

  it("refuses a rep (403) and leaves the settings alone", async () => {
    const res = await put(org, { effects: {}, createReferralLeads: false }, org.members.rep.token);
    expect(res.status).toBe(403);
    const read = await api("GET", PATH, { token: org.members.admin.token });
    expect(read.json.effects.interested.status).toBe("qualified");
  });

  it("400 with the path for a status the organization doesn't have", async () => {
    const res = await put(org, {
      effects: { not_interested: { status: "nope", temperature: null, notifyOwner: false } },
      createReferralLeads: false,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ path: "effects.not_interested.status" }),
    ]);
    const unknownCategory = await put(org, {
      effects: { maybe: { status: null, temperature: null, notifyOwner: false } },
      createReferralLeads: false,
    });
    expect(unknownCategory.status).toBe(400);
  });

  it("keeps organizations apart", async () => {
    const other = await createTestOrg("Reply effects other");
    const res = await api("GET", PATH, { token: other.members.admin.token });
    expect(res.json.effects.interested.status).toBeNull();
    expect(res.json.createReferralLeads).toBe(false);
    await put(other, { effects: {}, createReferralLeads: false });
    const mine = await api("GET", PATH, { token: org.members.admin.token });
    expect(mine.json.effects.interested.status).toBe("qualified");
  });

  it("the classifier applies the configured status and temperature (offline mode)", async () => {
    const target = await createTestOrg("Reply effects applied");
    expect((await put(target, INTERESTED)).status).toBe(200);
    // The offline classifier is modest about its confidence: act on what it says.
    const threshold = await api("PATCH", "/api/v1/llm/providers", {
      token: target.members.admin.token,
      body: { reviewThreshold: 0.1 },
    });
    expect(threshold.status).toBe(200);
    const reply = await leadReply(
      target,
      "We're definitely interested. Does the self-hosted version support SSO?",
    );
    const db = await getDb();

    const result = await classifyConversationMessage(db, {
      organizationId: target.id,
      messageId: reply.messageId,
    });

    expect(result).toMatchObject({ state: "applied" });
    expect(result!.classification.category).toBe("interested");
    const [lead] = await db.select().from(leads).where(eq(leads.id, reply.leadId));
    expect(lead).toMatchObject({ status: "qualified", temperature: "hot" });
  });
});
