import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeServer, type FakeHandler } from "@/lib/testing/fake-http-server";
import { classifyReply, type ClassificationUsage } from "./classify-reply";
import { languageModelFor } from "./language-model";
import { classifyReplyOffline } from "./offline/classify-reply";
import { runTestPrompt } from "./test-prompt";

/**
 * classifyReply through the real @ai-sdk/openai Chat Completions wiring against a local stand-in
 * for Ollama/vLLM/LM Studio: what goes over the wire and what comes back.
 */

const reply = {
  text: "Please take me off your list, we are not interested.",
  subject: "Re: Quick question",
  receivedAt: new Date("2025-06-02T08:00:00Z"),
  productContext: "Leadline, an open-source CRM",
};

const verdict = {
  category: "unsubscribe",
  confidence: 0.97,
  rationale: "Asks to be removed from the list",
  returnDate: null,
  referral: null,
};

function completion(content: string) {
  return {
    status: 200,
    body: {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1_748_851_200,
      model: "llama3.1",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 210, completion_tokens: 35, total_tokens: 245 },
    },
  };
}

let server: Awaited<ReturnType<typeof startFakeServer>>;
const answerWithVerdict: FakeHandler = () => completion(JSON.stringify(verdict));

beforeAll(async () => {
  server = await startFakeServer(answerWithVerdict);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler(answerWithVerdict);
});

const model = () =>
  languageModelFor({
    provider: "openai-compatible",
    model: "llama3.1",
    apiKey: "local-key",
    baseUrl: `${server.url}/v1`,
  });

describe("classifyReply against an OpenAI-compatible server", () => {
  it("posts a chat completion with a JSON schema response format and parses the answer", async () => {
    const usages: ClassificationUsage[] = [];

    const result = await classifyReply(reply, { model: model(), onUsage: (u) => usages.push(u) });

    expect(result).toEqual({ ...verdict, mode: "llm" });
    expect(usages).toEqual([
      expect.objectContaining({ inputTokens: 210, outputTokens: 35, totalTokens: 245 }),
    ]);
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer local-key");
    const body = JSON.parse(request.body);
    expect(body.model).toBe("llama3.1");
    expect(body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "reply_classification", strict: true },
    });
    expect(body.response_format.json_schema.schema.properties.category.enum).toContain(
      "unsubscribe",
    );
    expect(JSON.stringify(body.response_format)).not.toMatch(/maxLength|minimum|"pattern"/);
    expect(body.messages[0]).toMatchObject({ role: "system" });
    expect(body.messages[0].content).toContain("- unsubscribe:");
    const user = JSON.stringify(body.messages.slice(1));
    expect(user).toContain(reply.text);
    expect(user).toContain(reply.productContext);
  });

  it("falls back to the offline classifier when the server answers 500", async () => {
    server.setHandler(() => ({ status: 500, body: { error: { message: "model crashed" } } }));

    const result = await classifyReply(reply, { model: model(), maxRetries: 0 });

    expect(result).toEqual({ ...classifyReplyOffline(reply), mode: "offline" });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 once by default and then uses the answer", async () => {
    let calls = 0;
    server.setHandler(() =>
      ++calls === 1
        ? { status: 500, body: { error: { message: "loading model" } } }
        : completion(JSON.stringify(verdict)),
    );

    const result = await classifyReply(reply, { model: model() });

    expect(result.mode).toBe("llm");
    expect(server.requests).toHaveLength(2);
  });

  it("falls back when the server's content is not the requested JSON", async () => {
    server.setHandler(() => completion("Sure! The category is: unsubscribe"));

    expect(await classifyReply(reply, { model: model() })).toEqual({
      ...classifyReplyOffline(reply),
      mode: "offline",
    });
  });

  it("falls back when the server is unreachable", async () => {
    const gone = await startFakeServer(answerWithVerdict);
    await gone.close();
    const unreachable = languageModelFor({
      provider: "openai-compatible",
      model: "llama3.1",
      baseUrl: `${gone.url}/v1`,
    });

    const result = await classifyReply(reply, { model: unreachable, maxRetries: 0 });

    expect(result.mode).toBe("offline");
  });
});

describe("runTestPrompt against an OpenAI-compatible server", () => {
  it("returns the model's text, usage and latency", async () => {
    server.setHandler(() => completion("pong"));

    const result = await runTestPrompt(model(), "Say pong");

    expect(result).toMatchObject({
      text: "pong",
      usage: { inputTokens: 210, outputTokens: 35, totalTokens: 245 },
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const body = JSON.parse(server.requests[0]!.body);
    expect(body.messages).toEqual([{ role: "user", content: "Say pong" }]);
    expect(body.response_format).toBeUndefined();
  });

  it("throws a typed provider error on a 401 instead of crashing", async () => {
    server.setHandler(() => ({ status: 401, body: { error: { message: "invalid api key" } } }));

    await expect(runTestPrompt(model(), "Say pong")).rejects.toMatchObject({
      name: "LlmCallError",
      kind: "provider_error",
    });
  });
});
