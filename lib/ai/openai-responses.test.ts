import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { languageModelFor } from "./language-model";
import { LlmCallError, runStructured } from "./run-structured";

/** The "openai" provider goes through OpenAI's Responses API (a local fake stands in for it). */

function response(text: string) {
  return {
    status: 200,
    body: {
      id: "resp_1",
      object: "response",
      created_at: 1_748_851_200,
      status: "completed",
      model: "gpt-5.4-mini",
      output: [
        {
          type: "message",
          id: "msg_1",
          status: "completed",
          role: "assistant",
          content: [{ type: "output_text", text, annotations: [] }],
        },
      ],
      usage: { input_tokens: 80, output_tokens: 12, total_tokens: 92 },
    },
  };
}

const schema = z.object({ answer: z.enum(["yes", "no"]) });

let server: Awaited<ReturnType<typeof startFakeServer>>;
beforeAll(async () => {
  server = await startFakeServer(() => response(JSON.stringify({ answer: "yes" })));
});
afterAll(() => server.close());

const model = () =>
  languageModelFor({
    provider: "openai",
    model: "gpt-5.4-mini",
    apiKey: "sk-test",
    baseUrl: `${server.url}/v1`,
  });

describe("runStructured with the openai provider", () => {
  it("posts to /responses with the schema as text format and returns the object and usage", async () => {
    const result = await runStructured(model(), {
      schema,
      name: "answer",
      system: "Answer yes or no.",
      prompt: "Is the sky blue?",
    });

    expect(result.object).toEqual({ answer: "yes" });
    expect(result.usage).toEqual({ inputTokens: 80, outputTokens: 12, totalTokens: 92 });
    const request = server.requests.at(-1)!;
    expect(request.url).toBe("/v1/responses");
    expect(request.headers.authorization).toBe("Bearer sk-test");
    const body = JSON.parse(request.body);
    expect(body.model).toBe("gpt-5.4-mini");
    expect(body.text.format).toMatchObject({ type: "json_schema", name: "answer", strict: true });
  });

  it("throws a malformed_output LlmCallError (with the tokens spent) for an answer outside the schema", async () => {
    server.setHandler(() => response(JSON.stringify({ answer: "maybe" })));

    const error = await runStructured(model(), {
      schema,
      system: "Answer yes or no.",
      prompt: "Is the sky blue?",
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmCallError);
    expect(error).toMatchObject({ kind: "malformed_output", usage: { totalTokens: 92 } });
  });

  it("throws a timeout LlmCallError when the server does not answer in time", async () => {
    server.setHandler(
      () => new Promise((resolve) => setTimeout(() => resolve(response("{}")), 2_000)),
    );

    const error = await runStructured(model(), {
      schema,
      system: "Answer yes or no.",
      prompt: "Is the sky blue?",
      timeoutMs: 100,
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "LlmCallError", kind: "timeout" });
  });
});
