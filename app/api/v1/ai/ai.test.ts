import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiReplyLabels, aiSettings, aiUsage, conversationMessages, leads } from "@/db/schema";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { api } from "@/lib/testing/api-client";
import { leadReply } from "@/lib/testing/ai-fixtures";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { chatCompletion } from "@/lib/testing/llm-fixtures";

let org: TestOrg;
let server: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  org = await createTestOrg("AI routes");
  server = await startFakeServer(() => ({
    status: 200,
    body: chatCompletion(
      JSON.stringify({
        category: "question",
        confidence: 0.8,
        rationale: "Asks about pricing",
        returnDate: null,
        referral: null,
      }),
      { prompt: 200, completion: 30 },
    ),
  }));
});
afterAll(() => server.close());

async function usageOf(orgId: string) {
  const db = await getDb();
  return db
    .select()
    .from(aiUsage)
    .where(and(eq(aiUsage.organizationId, orgId), eq(aiUsage.purpose, "classify_reply")));
}

describe("POST /api/v1/ai/classify-reply", () => {
  it("classifies offline without a model and records the call", async () => {
    const fresh = await createTestOrg("AI offline");
    const res = await api("POST", "/api/v1/ai/classify-reply", {
      token: fresh.members.rep.token,
      body: { text: "Please remove me from your mailing list.", subject: "Re: Hi" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ category: "unsubscribe", mode: "offline" });
    expect(await usageOf(fresh.id)).toHaveLength(1);
  });

  it("uses the organization's model and records its tokens", async () => {
    const own = await createTestOrg("AI model");
    await (await getDb()).insert(aiSettings).values({
      organizationId: own.id,
      provider: "openai-compatible",
      model: "llama3.1",
      baseUrl: `${server.url}/v1`,
    });
    const res = await api("POST", "/api/v1/ai/classify-reply", {
      token: own.members.rep.token,
      body: { text: "What does it cost for five seats?" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ category: "question", mode: "llm", confidence: 0.8 });
    const usage = await usageOf(own.id);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ mode: "llm", totalTokens: 230, model: "llama3.1" });
  });

  it("refuses an empty text", async () => {
    const res = await api("POST", "/api/v1/ai/classify-reply", {
      token: org.members.rep.token,
      body: { text: "  " },
    });
    expect(res.status).toBe(400);
  });
});

describe("review queue and corrections", () => {
  it("lists replies waiting for review, only of leads the caller sees", async () => {
    const db = await getDb();
    const unassigned = await leadReply(org, "hmm");
    const others = await leadReply(org, "ok");
    await db.update(leads).set({ ownerId: org.members.rep2.id }).where(eq(leads.id, others.leadId));
    for (const m of [unassigned, others]) {
      await classifyConversationMessage(db, { organizationId: org.id, messageId: m.messageId });
    }

    const asRep = await api("GET", "/api/v1/ai/reviews", { token: org.members.rep.token });
    expect(asRep.status).toBe(200);
    const repIds = asRep.json.data.map((m: { messageId: string }) => m.messageId);
    expect(repIds).toContain(unassigned.messageId);
    expect(repIds).not.toContain(others.messageId);
    expect(asRep.json.data[0]).toMatchObject({
      classificationState: "review",
      classification: { category: "other", mode: "offline" },
    });

    const asAdmin = await api("GET", "/api/v1/ai/reviews", {
      token: org.members.admin.token,
      query: { perPage: "50" },
    });
    const adminIds = asAdmin.json.data.map((m: { messageId: string }) => m.messageId);
    expect(adminIds).toEqual(expect.arrayContaining([unassigned.messageId, others.messageId]));

    const foreign = await createTestOrg("AI other");
    const theirs = await api("GET", "/api/v1/ai/reviews", { token: foreign.members.owner.token });
    expect(theirs.json.data).toEqual([]);
  });

  it("a correction stores a label, leaves the queue and applies the category", async () => {
    const db = await getDb();
    const reply = await leadReply(org, "hmm");
    await classifyConversationMessage(db, { organizationId: org.id, messageId: reply.messageId });

    const res = await api(
      "POST",
      `/api/v1/conversations/messages/${reply.messageId}/classification`,
      { token: org.members.rep.token, body: { category: "unsubscribe" } },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      messageId: reply.messageId,
      classificationState: "corrected",
      classification: { category: "unsubscribe" },
    });
    const [lead] = await db.select().from(leads).where(eq(leads.id, reply.leadId));
    expect(lead!.unsubscribed).toBe(true);
    const labels = await db
      .select()
      .from(aiReplyLabels)
      .where(eq(aiReplyLabels.messageId, reply.messageId));
    expect(labels).toMatchObject([{ category: "unsubscribe", previousCategory: "other" }]);
    const thread = await api("GET", `/api/v1/leads/${reply.leadId}/conversation`, {
      token: org.members.rep.token,
    });
    expect(
      thread.json.messages.find((m: { id: string }) => m.id === reply.messageId),
    ).toMatchObject({
      classification: { category: "unsubscribe", rationale: "Corrected by a person" },
      classificationState: "corrected",
    });
    const queue = await api("GET", "/api/v1/ai/reviews", { token: org.members.owner.token });
    expect(queue.json.data.map((m: { messageId: string }) => m.messageId)).not.toContain(
      reply.messageId,
    );
  });

  it("another organization's message is a 404 and unchanged; a bad category is a 400", async () => {
    const reply = await leadReply(org, "hmm");
    const foreign = await createTestOrg("AI foreign");
    const res = await api(
      "POST",
      `/api/v1/conversations/messages/${reply.messageId}/classification`,
      { token: foreign.members.owner.token, body: { category: "interested" } },
    );
    expect(res.status).toBe(404);
    const bad = await api(
      "POST",
      `/api/v1/conversations/messages/${reply.messageId}/classification`,
      { token: org.members.owner.token, body: { category: "spam" } },
    );
    expect(bad.status).toBe(400);
    const [row] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, reply.messageId));
    expect(row!.classificationState).toBeNull();
  });
});

describe("POST /api/v1/leads/{id}/reclassify", () => {
  it("classifies the lead's latest reply again and applies it", async () => {
    const reply = await leadReply(org, "Please unsubscribe me, stop emailing me.");
    const res = await api("POST", `/api/v1/leads/${reply.leadId}/reclassify`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      messageId: reply.messageId,
      classificationState: "applied",
      classification: { category: "unsubscribe" },
    });
    const [lead] = await (await getDb()).select().from(leads).where(eq(leads.id, reply.leadId));
    expect(lead!.unsubscribed).toBe(true);
  });

  it("is a 422 for a lead without messages and a 404 for another organization's lead", async () => {
    const lead = await api("POST", "/api/v1/leads", {
      token: org.members.owner.token,
      body: { firstName: "Quiet", ownerId: null },
    });
    const none = await api("POST", `/api/v1/leads/${lead.json.id}/reclassify`, {
      token: org.members.owner.token,
    });
    expect(none.status).toBe(422);
    const foreign = await createTestOrg("AI reclassify other");
    const theirs = await api("POST", `/api/v1/leads/${lead.json.id}/reclassify`, {
      token: foreign.members.owner.token,
    });
    expect(theirs.status).toBe(404);
  });
});
