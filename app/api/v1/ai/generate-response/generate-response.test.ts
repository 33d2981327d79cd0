import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiSettings, conversationMessages } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { leadReply } from "@/lib/testing/ai-fixtures";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { chatCompletion } from "@/lib/testing/llm-fixtures";

let org: TestOrg;
let server: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  org = await createTestOrg("Drafting routes");
  server = await startFakeServer(() => ({
    status: 200,
    body: chatCompletion(
      JSON.stringify({
        subject: "Re: Hello",
        text: "Hi Replier,\n\nHappy to share our pricing — what team size are you planning for?",
        firstLine: null,
      }),
      { prompt: 400, completion: 40 },
    ),
  }));
});
afterAll(() => server.close());

async function conversationOf(messageId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ conversationId: conversationMessages.conversationId })
    .from(conversationMessages)
    .where(eq(conversationMessages.id, messageId));
  return row!.conversationId!;
}

describe("POST /api/v1/ai/generate-response", () => {
  it("drafts offline without a model, labelled as such", async () => {
    const reply = await leadReply(org, "Could you tell me more about pricing?");
    const res = await api("POST", "/api/v1/ai/generate-response", {
      token: org.members.rep.token,
      body: { leadId: reply.leadId, purpose: "reply" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mode: "offline", subject: "Re: Hello" });
    expect(res.json.text).toMatch(/^Hi Replier,/);
    expect(res.json.notes).toContain("Offline mode");
  });

  it("uses the organization's OpenAI-compatible model end to end", async () => {
    const own = await createTestOrg("Drafting routes model");
    await (await getDb()).insert(aiSettings).values({
      organizationId: own.id,
      provider: "openai-compatible",
      model: "llama3.1",
      baseUrl: `${server.url}/v1`,
    });
    const reply = await leadReply(own, "What does it cost?");
    const res = await api("POST", "/api/v1/ai/generate-response", {
      token: own.members.rep.token,
      body: { leadId: reply.leadId, purpose: "reply", tone: "formal" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      mode: "llm",
      subject: "Re: Hello",
      basedOn: { messageId: reply.messageId },
    });
    expect(res.json.text).toContain("what team size");
    const sent = server.requests.at(-1)!;
    expect(sent.body).toContain("What does it cost?");
    expect(sent.body).toContain("Tone: formal.");
  });

  it("rejects bad input with a 400 and a reply to nobody with a 422", async () => {
    const bad = await api("POST", "/api/v1/ai/generate-response", {
      token: org.members.rep.token,
      body: { leadId: "nope", purpose: "poem" },
    });
    expect(bad.status).toBe(400);
    const lead = await api("POST", "/api/v1/leads", {
      token: org.members.owner.token,
      body: { firstName: "Silent", email: "silent@example.org" },
    });
    const none = await api("POST", "/api/v1/ai/generate-response", {
      token: org.members.owner.token,
      body: { leadId: lead.json.id, purpose: "reply" },
    });
    expect(none.status).toBe(422);
    const first = await api("POST", "/api/v1/ai/generate-response", {
      token: org.members.owner.token,
      body: { leadId: lead.json.id, purpose: "first_line" },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ mode: "offline", firstLine: expect.any(String) });
  });
});

describe("conversation drafting routes", () => {
  it("drafts a reply and suggests replies in a thread, 404 for another organization", async () => {
    const reply = await leadReply(org, "Can we book a call on Thursday?");
    const id = await conversationOf(reply.messageId);

    const draft = await api("POST", `/api/v1/conversations/${id}/generate-response`, {
      token: org.members.rep.token,
      body: { instructions: "Offer Thursday 3pm" },
    });
    expect(draft.status).toBe(200);
    expect(draft.json).toMatchObject({ mode: "offline", basedOn: { messageId: reply.messageId } });

    const suggestions = await api("GET", `/api/v1/conversations/${id}/suggestions`, {
      token: org.members.rep.token,
    });
    expect(suggestions.status).toBe(200);
    expect(suggestions.json.mode).toBe("offline");
    expect(suggestions.json.messageId).toBe(reply.messageId);
    expect(suggestions.json.suggestions.length).toBeGreaterThanOrEqual(2);
    for (const s of suggestions.json.suggestions) {
      expect(s).toMatchObject({ label: expect.any(String), intent: expect.any(String) });
      expect(s.text).toMatch(/^Hi Replier,/);
    }

    const other = await createTestOrg("Drafting routes other");
    const foreign = await api("GET", `/api/v1/conversations/${id}/suggestions`, {
      token: other.members.owner.token,
    });
    expect(foreign.status).toBe(404);
    const foreignDraft = await api("POST", `/api/v1/conversations/${id}/generate-response`, {
      token: other.members.owner.token,
    });
    expect(foreignDraft.status).toBe(404);
  });
});
