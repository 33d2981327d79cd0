import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { classifyReply } from "./classify-reply";
import { languageModelFor } from "./language-model";
import { classifyReplyOffline } from "./offline/classify-reply";

/** classifyReply through the real @ai-sdk/anthropic Messages wiring against a local fake. */

const reply = {
  text: "I'm out of the office until 16 June with limited access to email.",
  subject: "Automatic reply: Quick question",
  receivedAt: new Date("2025-06-09T10:00:00Z"),
};

const verdict = {
  category: "out_of_office",
  confidence: 0.95,
  rationale: "Absence notice with a return date",
  returnDate: "2025-06-16",
  referral: null,
};

function message(text: string) {
  return {
    status: 200,
    body: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-haiku-4-5",
      content: [{ type: "text", text }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 300, output_tokens: 50 },
    },
  };
}

let server: Awaited<ReturnType<typeof startFakeServer>>;
beforeAll(async () => {
  server = await startFakeServer(() => message(JSON.stringify(verdict)));
});
afterAll(() => server.close());

const model = () =>
  languageModelFor({
    provider: "anthropic",
    model: "claude-haiku-4-5",
    apiKey: "sk-ant-test",
    baseUrl: `${server.url}/v1`,
  });

describe("classifyReply against Anthropic's Messages API", () => {
  it("asks for the schema as the output format and parses the answer", async () => {
    const usages: unknown[] = [];

    const result = await classifyReply(reply, { model: model(), onUsage: (u) => usages.push(u) });

    expect(result).toEqual({ ...verdict, mode: "llm" });
    expect(usages).toEqual([expect.objectContaining({ inputTokens: 300, outputTokens: 50 })]);
    const request = server.requests.at(-1)!;
    expect(request.url).toBe("/v1/messages");
    expect(request.headers["x-api-key"]).toBe("sk-ant-test");
    const body = JSON.parse(request.body);
    expect(body.model).toBe("claude-haiku-4-5");
    expect(body.max_tokens).toBe(4_000);
    expect(body.output_config.format.type).toBe("json_schema");
    expect(body.system[0].text).toContain("- out_of_office:");
    expect(JSON.stringify(body.messages)).toContain(reply.text);
  });

  it("falls back to the offline classifier when Anthropic is overloaded", async () => {
    server.setHandler(() => ({
      status: 529,
      body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    }));

    const result = await classifyReply(reply, { model: model(), maxRetries: 0 });

    expect(result).toEqual({ ...classifyReplyOffline(reply), mode: "offline" });
  });
});
