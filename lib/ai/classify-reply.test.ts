import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { classifyReply, type ClassificationUsage } from "./classify-reply";
import { classifyReplyOffline } from "./offline/classify-reply";
import { replyClassificationSchema } from "./reply-classification";

const reply = {
  text: "Thanks for reaching out — could we set up a 20 minute call next Tuesday?",
  subject: "Re: Faster onboarding for your team",
  receivedAt: new Date("2025-03-12T09:30:00Z"),
  productContext: "Leadline: a CRM for small sales teams.",
  thread: "Rep: Hi Ana, would faster onboarding help your team?",
};

function answer(text: string, usage = { input: 120, output: 40 }): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: usage.input, noCache: usage.input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: usage.output, text: usage.output, reasoning: 0 },
    },
    warnings: [],
  };
}

const verdict = {
  category: "meeting_request",
  confidence: 0.93,
  rationale: "Asks for a call next Tuesday",
  returnDate: null,
  referral: null,
};

const offlineVerdict = () => ({ ...classifyReplyOffline(reply), mode: "offline" });

describe("classifyReply with a model", () => {
  it("returns the model's structured answer as an llm classification and reports usage", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer(JSON.stringify(verdict)) });
    const usages: ClassificationUsage[] = [];

    const result = await classifyReply(reply, { model, onUsage: (u) => usages.push(u) });

    expect(result).toEqual({ ...verdict, mode: "llm" });
    expect(replyClassificationSchema.parse(result)).toEqual(result);
    expect(usages).toHaveLength(1);
    expect(usages[0]).toMatchObject({ inputTokens: 120, outputTokens: 40, totalTokens: 160 });
    expect(usages[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("sends the taxonomy, the product context, the thread and the reply, asking for JSON", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer(JSON.stringify(verdict)) });

    await classifyReply(reply, { model });

    const call = model.doGenerateCalls[0]!;
    expect(call.responseFormat).toMatchObject({ type: "json", name: "reply_classification" });
    const schema = (call.responseFormat as { schema?: { properties?: object } }).schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(["category", "confidence", "rationale", "returnDate", "referral"]),
    );
    // Strict structured-output modes refuse length, range and pattern keywords.
    expect(JSON.stringify(schema)).not.toMatch(/maxLength|minimum|maximum|"pattern"/);
    const [system, user] = call.prompt;
    expect(system).toMatchObject({ role: "system" });
    const systemText = (system as { content: string }).content;
    for (const category of ["meeting_request", "unsubscribe", "wrong_person", "bounce"]) {
      expect(systemText).toContain(`- ${category}:`);
    }
    const userText = JSON.stringify(user);
    expect(userText).toContain(reply.text);
    expect(userText).toContain(reply.productContext);
    expect(userText).toContain(reply.thread);
    expect(userText).toContain("2025-03-12 (Wednesday)");
  });

  it("drops a return date or referral the model gave for a category they don't belong to", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          ...verdict,
          returnDate: "2025-03-18",
          referral: { name: "Bo", email: null, title: null },
        }),
      ),
    });

    const result = await classifyReply(reply, { model });

    expect(result).toMatchObject({ category: "meeting_request", returnDate: null, referral: null });
  });

  it("keeps the return date of an out-of-office answer", async () => {
    const ooo = { ...verdict, category: "out_of_office", returnDate: "2025-03-18" };
    const model = new MockLanguageModelV4({ doGenerate: answer(JSON.stringify(ooo)) });

    expect(await classifyReply(reply, { model })).toEqual({ ...ooo, mode: "llm" });
  });

  it("falls back to the offline classifier when the answer is not JSON, still counting its tokens", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: answer("I think this is a meeting request."),
    });
    const usages: ClassificationUsage[] = [];

    const result = await classifyReply(reply, { model, onUsage: (u) => usages.push(u) });

    expect(result).toEqual(offlineVerdict());
    expect(usages).toEqual([expect.objectContaining({ totalTokens: 160 })]);
  });

  it("falls back when the answer uses a category outside the taxonomy", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ ...verdict, category: "very_interested" })),
    });

    expect(await classifyReply(reply, { model })).toEqual(offlineVerdict());
  });

  it("falls back when the answer misses fields or breaks their limits", async () => {
    const missing = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ category: "interested" })),
    });
    const outOfRange = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ ...verdict, confidence: 7 })),
    });

    expect(await classifyReply(reply, { model: missing })).toEqual(offlineVerdict());
    expect(await classifyReply(reply, { model: outOfRange })).toEqual(offlineVerdict());
  });

  it("shortens an over-long rationale instead of discarding the answer", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ ...verdict, rationale: "x".repeat(500) })),
    });

    const result = await classifyReply(reply, { model });

    expect(result).toMatchObject({ category: "meeting_request", mode: "llm" });
    expect(result.rationale).toHaveLength(300);
  });

  it("falls back when the return date is not a date, still counting the tokens once", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({ ...verdict, category: "out_of_office", returnDate: "next Monday" }),
      ),
    });
    const usages: ClassificationUsage[] = [];

    const result = await classifyReply(reply, { model, onUsage: (u) => usages.push(u) });

    expect(result).toEqual(offlineVerdict());
    expect(usages).toHaveLength(1);
  });

  it("falls back when the provider throws, without retrying a non-retryable error", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("connection refused");
      },
    });
    const usages: ClassificationUsage[] = [];

    const result = await classifyReply(reply, { model, onUsage: (u) => usages.push(u) });

    expect(result).toEqual(offlineVerdict());
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(usages).toEqual([]);
  });

  it("falls back when the model does not answer within the time limit", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: ({ abortSignal }) =>
        new Promise((_, reject) => {
          abortSignal?.addEventListener("abort", () => reject(abortSignal.reason));
        }),
    });

    const startedAt = Date.now();
    const result = await classifyReply(reply, { model, timeoutMs: 50 });

    expect(result).toEqual(offlineVerdict());
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});

describe("classifyReply without a model", () => {
  it("uses the offline classifier", async () => {
    expect(await classifyReply(reply)).toEqual(offlineVerdict());
    expect(await classifyReply(reply, { model: null })).toEqual(offlineVerdict());
  });
});
