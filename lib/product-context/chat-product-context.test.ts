import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiUsage, productContextMessages } from "@/db/schema";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage } from "@/lib/testing/tracking-fixtures";
import { chatProductContext } from "./chat-product-context";
import { productContextForPrompt } from "./prompt-context";
import { recommendTargets } from "./recommend-targets";
import { updateProductContext } from "./update-product-context";

function answer(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 300, noCache: 300, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 60, text: 60, reasoning: 0 },
    },
    warnings: [],
  };
}

const emptyUpdates = {
  productName: null,
  description: null,
  pricingNotes: null,
  addValuePropositions: [],
  addTargetIndustries: [],
  addCompetitors: [],
  addPersonas: [],
  addObjections: [],
};

async function usageOf(org: TestOrg) {
  const db = await getDb();
  return db
    .select()
    .from(aiUsage)
    .where(and(eq(aiUsage.organizationId, org.id), eq(aiUsage.purpose, "product_context")));
}

describe("chatProductContext with a model", () => {
  it("applies the model's updates as additions, keeps its reply and questions, records tokens", async () => {
    const org = await createTestOrg("PC model");
    await updateProductContext(org.ctx("admin"), { competitors: ["Xero"] });
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          reply: "Got it: Acme Books for accountancies.",
          questions: ["Who signs the contract?", "What do they object to?"],
          updates: {
            ...emptyUpdates,
            productName: "Acme Books",
            addTargetIndustries: ["Accounting"],
            addCompetitors: ["xero", "Sage"],
            addObjections: [{ objection: "Too expensive", answer: null }],
          },
        }),
      ),
    });

    const result = await chatProductContext(
      org.ctx("manager"),
      { message: "Acme Books sells to accountancies; people compare us with Sage." },
      { model },
    );

    expect(result).toMatchObject({
      mode: "llm",
      reply: "Got it: Acme Books for accountancies.",
      questions: ["Who signs the contract?", "What do they object to?"],
      changes: {
        productName: "Acme Books",
        targetIndustries: ["Accounting"],
        competitors: ["Xero", "Sage"],
        objections: [{ objection: "Too expensive", answer: null }],
      },
    });
    expect(result.context).toMatchObject({
      productName: "Acme Books",
      competitors: ["Xero", "Sage"],
    });
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("compare us with Sage");
    expect(prompt).toContain("Xero"); // the current context goes with the message
    const usage = await usageOf(org);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ mode: "llm", totalTokens: 360, error: null });

    // The next turn sends the recent chat as history.
    const second = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ reply: "Noted.", questions: [], updates: emptyUpdates })),
    });
    const next = await chatProductContext(
      org.ctx("manager"),
      { message: "The CFO signs." },
      { model: second },
    );
    expect(next.changes).toEqual({});
    expect(JSON.stringify(second.doGenerateCalls[0]!.prompt)).toContain("Got it: Acme Books");
  });

  it("falls back to the offline interviewer on a malformed answer, and says so in the usage", async () => {
    const org = await createTestOrg("PC malformed");
    const model = new MockLanguageModelV4({ doGenerate: answer("{ not json") });

    const result = await chatProductContext(
      org.ctx("owner"),
      { message: "We sell invoicing software to accounting firms." },
      { model },
    );

    expect(result.mode).toBe("offline");
    expect(result.changes).toMatchObject({
      description: "We sell invoicing software to accounting firms.",
      targetIndustries: ["Accounting"],
    });
    const usage = await usageOf(org);
    expect(usage).toHaveLength(1);
    expect(usage[0]!.error).toMatch(/malformed_output/);
    const db = await getDb();
    const log = await db
      .select()
      .from(productContextMessages)
      .where(eq(productContextMessages.organizationId, org.id));
    expect(log.find((m) => m.role === "assistant")).toMatchObject({ mode: "offline" });
  });

  it("falls back when the model answers with an empty reply or the provider fails", async () => {
    const org = await createTestOrg("PC empty reply");
    const empty = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ reply: " ", questions: [], updates: emptyUpdates })),
    });
    const a = await chatProductContext(
      org.ctx("owner"),
      { message: "Xero, Sage" },
      { model: empty },
    );
    expect(a.mode).toBe("offline");
    const failing = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("503 upstream");
      },
    });
    const b = await chatProductContext(org.ctx("owner"), { message: "skip" }, { model: failing });
    expect(b.mode).toBe("offline");
    expect(b.reply).toMatch(/Skipped/);
  });
});

describe("productContextForPrompt", () => {
  it("is null for an empty context and a compact block once described", async () => {
    const org = await createTestOrg("PC prompt");
    expect(await productContextForPrompt(org.ctx())).toBeNull();
    await updateProductContext(org.ctx("admin"), {
      productName: "Acme Books",
      targetIndustries: ["Accounting", "Legal"],
      objections: [{ objection: "Too expensive", answer: "Pays back in 3 months" }],
    });
    expect(await productContextForPrompt(org.ctx())).toBe(
      [
        "Product: Acme Books",
        "Target industries: Accounting, Legal",
        "Objection: Too expensive — answer: Pays back in 3 months",
      ].join("\n"),
    );
  });

  it("goes into the reply classifier's prompt when a model classifies", async () => {
    const org = await createTestOrg("PC classify");
    await updateProductContext(org.ctx("admin"), { productName: "Acme Books Classifier Test" });
    const db = await getDb();
    const sent = await sentCampaignMessage(org);
    const message = await recordInboundMessage(db, {
      organizationId: org.id,
      leadId: sent.leadId,
      channel: "email",
      matchedBy: "thread",
      inboundKind: "human_reply",
      body: "Sounds good, what does it cost?",
      dedupeKey: `test:${newId()}`,
    });
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          category: "question",
          confidence: 0.9,
          rationale: "Asks the price",
          returnDate: null,
          referral: null,
        }),
      ),
    });
    await classifyConversationMessage(
      db,
      { organizationId: org.id, messageId: message!.id },
      { model },
    );
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("<product_context>");
    expect(prompt).toContain("Acme Books Classifier Test");
  });
});

describe("recommendTargets narrative", () => {
  it("lets the model word the summary and falls back to the offline one when it fails", async () => {
    const org = await createTestOrg("PC narrative");
    const { createLead } = await import("@/lib/leads/create-lead");
    await createLead(org.ctx("owner"), {
      firstName: "W",
      industry: "finance",
      status: "won",
      ownerId: null,
    });
    const model = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ narrative: "Finance wins: 1 of 1." })),
    });
    const llm = await recommendTargets(org.ctx(), { narrative: "true" }, { model });
    expect(llm).toMatchObject({ mode: "llm", narrative: "Finance wins: 1 of 1." });
    expect(llm.overall).toMatchObject({ total: 1, won: 1 });
    const broken = new MockLanguageModelV4({ doGenerate: answer("nope") });
    const offline = await recommendTargets(org.ctx(), { narrative: "true" }, { model: broken });
    expect(offline.mode).toBe("offline");
    expect(offline.narrative).toMatch(/^1 lead; 1 won and 0 lost/);
    // Without narrative=true the model is never called.
    const quiet = new MockLanguageModelV4({ doGenerate: answer("{}") });
    await recommendTargets(org.ctx(), {}, { model: quiet });
    expect(quiet.doGenerateCalls).toHaveLength(0);
  });
});
