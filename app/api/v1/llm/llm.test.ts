import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiSettings, aiUsage, auditLogs, notifications } from "@/db/schema";
import { noteBudgetCrossing } from "@/lib/ai/llm-budget";
import { resolveOrgModel } from "@/lib/ai/org-model";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { api } from "@/lib/testing/api-client";
import { startFakeServer, type FakeHandler } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { chatCompletion } from "@/lib/testing/llm-fixtures";

const SECRET = "sk-test-0123456789-very-secret";

let server: Awaited<ReturnType<typeof startFakeServer>>;
const answer: FakeHandler = () => ({
  status: 200,
  body: chatCompletion("pong", { prompt: 12, completion: 5 }),
});

beforeAll(async () => {
  server = await startFakeServer(answer);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler(answer);
});

const patch = (org: TestOrg, body: unknown, token = org.members.admin.token) =>
  api("PATCH", "/api/v1/llm/providers", { token, body });
const local = (org: TestOrg, extra: Record<string, unknown> = {}) =>
  patch(org, {
    provider: "openai-compatible",
    model: "llama3.1",
    baseUrl: `${server.url}/v1`,
    ...extra,
  });
const prompt = (org: TestOrg, token = org.members.admin.token) =>
  api("POST", "/api/v1/llm/test-prompt", { token, body: { prompt: "Say pong" } });

async function row(org: TestOrg) {
  const db = await getDb();
  return (await db.select().from(aiSettings).where(eq(aiSettings.organizationId, org.id)))[0];
}

describe("GET/PATCH /api/v1/llm/providers", () => {
  it("starts offline, lists the providers and is readable by everyone", async () => {
    const org = await createTestOrg("LLM defaults");
    const res = await api("GET", "/api/v1/llm/providers", { token: org.members.rep.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      mode: "offline",
      offlineReason: "not_configured",
      active: null,
      budget: { monthlyTokenBudget: null, usedThisMonth: 0, overBudget: false },
      reviewThreshold: 0.6,
    });
    expect(res.json.providers.map((p: { id: string }) => p.id)).toEqual([
      "openai",
      "anthropic",
      "openai-compatible",
    ]);
    const byKey = await api("GET", "/api/v1/llm/providers", { token: org.keys.integration.secret });
    expect(byKey.status).toBe(200);
  });

  it("seals the key, never returns it, keeps it on a model change and drops it on a provider switch", async () => {
    const org = await createTestOrg("LLM keys");
    const rep = await patch(org, { provider: "openai", apiKey: SECRET }, org.members.rep.token);
    expect(rep.status).toBe(403);
    const missing = await patch(org, { provider: "openai" });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([expect.objectContaining({ path: "apiKey" })]);

    const saved = await patch(org, {
      provider: "openai",
      apiKey: SECRET,
      monthlyTokenBudget: 5000,
    });
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain(SECRET);
    expect(saved.json).toMatchObject({
      mode: "llm",
      active: { provider: "openai", model: "gpt-5.4-mini", source: "organization" },
      budget: { monthlyTokenBudget: 5000 },
    });
    expect(saved.json.providers.find((p: { id: string }) => p.id === "openai").credentialsSet).toBe(
      true,
    );
    const stored = await row(org);
    expect(stored!.apiKeySealed).not.toContain(SECRET);
    expect(decryptSecret(stored!.apiKeySealed!)).toBe(SECRET);
    const db = await getDb();
    const audits = await db
      .select()
      .from(auditLogs)
      .where(
        and(eq(auditLogs.organizationId, org.id), eq(auditLogs.action, "ai_settings.updated")),
      );
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.changes)).not.toContain(SECRET);
    expect(audits[0]!.changes).toMatchObject({ apiKey: "set", provider: "openai" });

    const renamed = await patch(org, { model: "gpt-5.4" });
    expect(renamed.json.active.model).toBe("gpt-5.4");
    expect(decryptSecret((await row(org))!.apiKeySealed!)).toBe(SECRET);
    const read = await api("GET", "/api/v1/llm/providers", { token: org.members.rep.token });
    expect(read.text).not.toContain(SECRET);
    expect(read.text).not.toContain((await row(org))!.apiKeySealed!);

    // A key belongs to its provider: Anthropic needs its own.
    const switched = await patch(org, { provider: "anthropic" });
    expect(switched.status).toBe(400);
    const local = await patch(org, {
      provider: "openai-compatible",
      baseUrl: "http://127.0.0.1:11434/v1",
    });
    expect(local.status).toBe(200);
    expect(local.json.active).toMatchObject({ provider: "openai-compatible", model: "llama3.1" });
    expect((await row(org))!.apiKeySealed).toBeNull();

    const cleared = await patch(org, { provider: null });
    expect(cleared.json).toMatchObject({
      mode: "offline",
      active: null,
      budget: { monthlyTokenBudget: 5000 },
    });
    expect((await row(org))!.baseUrl).toBeNull();
    const bad = await patch(org, { reviewThreshold: 2, baseUrl: "ftp://x" });
    expect(bad.status).toBe(400);
  });

  it("keeps each organization's settings to itself", async () => {
    const a = await createTestOrg("LLM A");
    const b = await createTestOrg("LLM B");
    await local(a, { apiKey: SECRET, monthlyTokenBudget: 1000 });
    expect((await prompt(a)).status).toBe(200);
    const other = await api("GET", "/api/v1/llm/providers", { token: b.members.admin.token });
    expect(other.json.budget.usedThisMonth).toBe(0);
    const otherUsage = await api("GET", "/api/v1/llm/usage", { token: b.members.admin.token });
    expect(otherUsage.json.totals.calls).toBe(0);
    // B's test prompt runs offline: A's provider and key are never used for it.
    expect((await prompt(b)).status).toBe(422);
    expect(server.requests).toHaveLength(1);
    expect(other.json).toMatchObject({
      mode: "offline",
      active: null,
      budget: { monthlyTokenBudget: null },
    });
    expect(other.json.providers.every((p: { credentialsSet: boolean }) => !p.credentialsSet)).toBe(
      true,
    );
  });
});

describe("POST /api/v1/llm/test-prompt and GET /api/v1/llm/usage", () => {
  it("sends the prompt through the real SDK, returns answer, latency and tokens, and records usage", async () => {
    const org = await createTestOrg("LLM prompt");
    await local(org, { apiKey: "local-key" });
    expect((await prompt(org, org.members.rep.token)).status).toBe(403);
    const res = await prompt(org);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      text: "pong",
      usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
      provider: "openai-compatible",
      model: "llama3.1",
      mode: "llm",
    });
    expect(res.json.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe("/v1/chat/completions");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer local-key");
    expect(JSON.parse(server.requests[0]!.body).messages).toEqual([
      expect.objectContaining({ role: "user" }),
    ]);

    const usage = await api("GET", "/api/v1/llm/usage", { token: org.members.admin.token });
    expect(usage.status).toBe(200);
    expect(usage.json.totals).toEqual({
      calls: 1,
      inputTokens: 12,
      outputTokens: 5,
      totalTokens: 17,
    });
    expect(usage.json.byPurpose).toEqual([
      expect.objectContaining({ purpose: "test_prompt", calls: 1, totalTokens: 17, errors: 0 }),
    ]);
    expect(usage.json.byDay).toEqual([
      {
        day: new Date().toISOString().slice(0, 10),
        calls: 1,
        inputTokens: 12,
        outputTokens: 5,
        totalTokens: 17,
      },
    ]);
    const read = await api("GET", "/api/v1/llm/providers", { token: org.members.rep.token });
    expect(read.json.budget.usedThisMonth).toBe(17);
    expect((await api("GET", "/api/v1/llm/usage", { token: org.members.rep.token })).status).toBe(
      403,
    );
    const empty = await api(
      "GET",
      "/api/v1/llm/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z",
      {
        token: org.members.admin.token,
      },
    );
    expect(empty.json.totals.calls).toBe(0);
    const backwards = await api(
      "GET",
      "/api/v1/llm/usage?from=2020-02-01T00:00:00Z&to=2020-01-01T00:00:00Z",
      {
        token: org.members.admin.token,
      },
    );
    expect(backwards.status).toBe(400);
  });

  it("answers 422 ai_not_configured in offline mode", async () => {
    const org = await createTestOrg("LLM offline");
    const res = await prompt(org);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: "ai_not_configured", reason: "not_configured" });
    expect(server.requests).toHaveLength(0);
  });

  it("answers 502 provider_error with the kind when the provider fails, and records the failed call", async () => {
    const org = await createTestOrg("LLM failing");
    await local(org);
    server.setHandler(() => ({ status: 500, body: { error: { message: "model crashed" } } }));
    const res = await prompt(org);
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ code: "provider_error", kind: "provider_error" });
    expect(res.json.detail).toContain("model crashed");
    const db = await getDb();
    const [usage] = await db.select().from(aiUsage).where(eq(aiUsage.organizationId, org.id));
    expect(usage).toMatchObject({
      purpose: "test_prompt",
      mode: "llm",
      provider: "openai-compatible",
    });
    expect(usage!.error).toContain("provider_error");
  });

  it("over the budget: resolves offline, notifies owner and admin once, and refuses further prompts", async () => {
    const org = await createTestOrg("LLM budget");
    await local(org, { monthlyTokenBudget: 30 });
    expect((await prompt(org)).status).toBe(200);
    const db = await getDb();
    const budgetNotes = () =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.organizationId, org.id),
            eq(notifications.type, "ai_budget_exceeded"),
          ),
        );
    expect(await budgetNotes()).toHaveLength(0);
    expect((await resolveOrgModel(db, org.id)).mode).toBe("llm");

    expect((await prompt(org)).status).toBe(200); // 34 tokens: the budget is crossed
    const notes = await budgetNotes();
    expect(notes.map((n) => n.userId).sort()).toEqual(
      [org.members.owner.id, org.members.admin.id].sort(),
    );
    expect(notes[0]).toMatchObject({ link: "/settings/ai" });
    expect(await resolveOrgModel(db, org.id)).toEqual({ mode: "offline", reason: "over_budget" });

    const refused = await prompt(org);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: "ai_not_configured", reason: "over_budget" });
    expect(await noteBudgetCrossing(db, org.id)).toBe(true);
    expect(await budgetNotes()).toHaveLength(2);
    const read = await api("GET", "/api/v1/llm/providers", { token: org.members.admin.token });
    expect(read.json).toMatchObject({
      mode: "offline",
      offlineReason: "over_budget",
      active: { provider: "openai-compatible" },
      budget: { monthlyTokenBudget: 30, usedThisMonth: 34, overBudget: true },
    });
    // Raising the budget brings the model back.
    await patch(org, { monthlyTokenBudget: 1000 });
    expect((await resolveOrgModel(db, org.id)).mode).toBe("llm");
  });
});
