import http from "node:http";
import type { AddressInfo } from "node:net";
import { updateLlmProviders } from "@/lib/ai/llm-settings";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/** An OpenAI Chat Completions answer, as Ollama/vLLM/LM Studio send it. */
export function chatCompletion(content: string, tokens = { prompt: 12, completion: 5 }) {
  return {
    id: "chatcmpl-fixture",
    object: "chat.completion",
    created: 1_748_851_200,
    model: "llama3.1",
    choices: [
      { index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null },
    ],
    usage: {
      prompt_tokens: tokens.prompt,
      completion_tokens: tokens.completion,
      total_tokens: tokens.prompt + tokens.completion,
    },
  };
}

/**
 * One loopback OpenAI-compatible server for the cross-cutting suites' test-prompt calls, started
 * on first use and unref'd so it never keeps a test process alive.
 */
let llmServer: Promise<string> | undefined;
function fixtureLlmUrl(): Promise<string> {
  llmServer ??= new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(chatCompletion("pong")));
      });
    });
    server.listen(0, "127.0.0.1", () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    });
  });
  return llmServer;
}

/** Points the organization at the local fake, so a test prompt gets an answer. */
async function withLocalProvider(org: TestOrg) {
  await updateLlmProviders(org.ctx("owner"), {
    provider: "openai-compatible",
    model: "llama3.1",
    baseUrl: await fixtureLlmUrl(),
  });
  return { body: { prompt: "Say pong" } };
}

/** How to call the Settings → AI routes (see OPERATION_FIXTURES). */
export const LLM_FIXTURES: Record<string, OperationFixture> = {
  "PATCH /api/v1/llm/providers": { prepare: async () => ({ body: { reviewThreshold: 0.7 } }) },
  "POST /api/v1/llm/test-prompt": { prepare: withLocalProvider },
};
