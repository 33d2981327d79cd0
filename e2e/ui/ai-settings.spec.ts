import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

/**
 * Settings → AI against a loopback OpenAI-compatible server started here: nothing leaves the
 * machine. The organization is put back in offline mode at the start and the end.
 */
let server: http.Server;
let baseUrl: string;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-e2e",
          object: "chat.completion",
          created: 1_748_851_200,
          model: "llama3.1",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: "pong from the fake model" },
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

// Against a busy `next dev` (files changing under it), the HMR socket keeps sending rebuilds and
// "hash mismatch" reloads that restart the page before it hydrates. Only those are dropped; with
// `next start` there is no such socket and this does nothing.
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(/\/_next\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!/"type":"(reloadPage|built|sync|building|turbopack-message)"/.test(String(message))) {
        ws.send(message);
      }
    });
  });
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("an owner switches from offline mode to a local model, tests a prompt and sees the usage", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const reset = await page.request.patch("/api/v1/llm/providers", {
    data: { provider: null, monthlyTokenBudget: null },
  });
  expect(reset.status()).toBe(200);
  await page.goto("/settings/ai", { timeout: 90_000 });
  await expect(
    page.getByText("Offline mode — built-in classifier and template drafts"),
  ).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole("combobox", { name: "Provider" }).selectOption("openai-compatible");
  await page.getByLabel("Model", { exact: true }).fill("llama3.1");
  await page.getByLabel("Base URL").fill(baseUrl);
  await page.getByLabel("Monthly token budget").fill("50000");
  await page.getByRole("button", { name: "Save AI settings" }).click();
  await expect(page.getByText("AI settings saved.")).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText(/AI provider: OpenAI-compatible server .* · model llama3\.1/),
  ).toBeVisible();

  await page.getByRole("button", { name: "Send test prompt" }).click();
  const answer = page.getByLabel("Test prompt answer");
  await expect(answer).toContainText("pong from the fake model", { timeout: 30_000 });
  await expect(answer).toContainText("17 tokens");
  // Earlier runs against the same database may have added to the month's usage.
  await expect(page.getByRole("row", { name: /Test prompts/ })).toBeVisible();
  await expect(page.getByText(/Used this month: [1-9][\d,]* tokens/)).toBeVisible();

  const back = await page.request.patch("/api/v1/llm/providers", {
    data: { provider: null, monthlyTokenBudget: null },
  });
  expect(back.status()).toBe(200);
});

test("a sales rep sees which provider is active but cannot change it", async ({ page }) => {
  test.slow();
  await signInAs(page, "rep");
  await page.goto("/settings/ai", { timeout: 90_000 });
  await expect(
    page.getByText("Offline mode — built-in classifier and template drafts"),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("combobox", { name: "Provider" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save AI settings" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send test prompt" })).toHaveCount(0);
});
