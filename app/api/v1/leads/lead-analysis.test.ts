import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { aiSettings, aiUsage } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { chatCompletion } from "@/lib/testing/llm-fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Analysis routes");
});

const newLead = (ownerId: string | null = null) =>
  createLead(org.ctx("owner"), {
    firstName: "Route",
    lastName: "Lead",
    email: `route-${newId().slice(-12)}@example.org`,
    company: "Example AG",
    jobTitle: "CEO",
    ownerId,
  });

describe("POST /leads/{id}/analyze and GET /leads/{id}/analysis", () => {
  it("analyses offline (201, Location), then serves that analysis as the latest", async () => {
    const lead = await newLead();
    const none = await api("GET", `/api/v1/leads/${lead.id}/analysis`, {
      token: org.members.rep.token,
    });
    expect(none.status).toBe(404);
    expect(none.json).toMatchObject({
      code: "not_found",
      detail: expect.stringContaining("not been analysed"),
    });

    const res = await api("POST", `/api/v1/leads/${lead.id}/analyze`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/leads/${lead.id}/analysis`);
    expect(res.json).toMatchObject({
      leadId: lead.id,
      mode: "offline",
      model: null,
      nextStep: { action: "Send a first, personalised email" },
    });

    const latest = await api("GET", `/api/v1/leads/${lead.id}/analysis`, {
      token: org.members.manager.token,
    });
    expect(latest.status).toBe(200);
    expect(latest.json.id).toBe(res.json.id);
  });

  it("is a 404 for a colleague's lead a rep can't see, and for an id that isn't a lead", async () => {
    const lead = await newLead(org.members.rep2.id);
    const rep = org.members.rep.token;
    expect((await api("POST", `/api/v1/leads/${lead.id}/analyze`, { token: rep })).status).toBe(
      404,
    );
    expect((await api("GET", `/api/v1/leads/${lead.id}/analysis`, { token: rep })).status).toBe(
      404,
    );
    expect((await api("POST", `/api/v1/leads/not-a-uuid/analyze`, { token: rep })).status).toBe(
      404,
    );
  });

  it("uses the organization's model through the real provider wiring", async () => {
    const own = await createTestOrg("Analysis LLM");
    const server = await startFakeServer(() => ({
      status: 200,
      body: chatCompletion(
        JSON.stringify({
          summary: "A CEO at Example AG, not contacted yet.",
          buyingSignals: [],
          risks: ["Not contacted yet"],
          nextStep: { action: "Send a first email", why: "No contact yet", dueInDays: 0 },
          fitScore: 70,
          intentScore: 5,
        }),
        { prompt: 500, completion: 80 },
      ),
    }));
    try {
      await (await getDb()).insert(aiSettings).values({
        organizationId: own.id,
        provider: "openai-compatible",
        model: "llama3.1",
        baseUrl: `${server.url}/v1`,
      });
      const lead = await createLead(own.ctx("owner"), {
        firstName: "Model",
        email: "model@example.org",
      });
      const res = await api("POST", `/api/v1/leads/${lead.id}/analyze`, {
        token: own.members.owner.token,
      });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        mode: "llm",
        model: "llama3.1",
        risks: ["Not contacted yet"],
      });
    } finally {
      await server.close();
    }
  });
});

describe("budget", () => {
  it("runs offline once the month's token budget is spent, though a provider is configured", async () => {
    const spent = await createTestOrg("Analysis budget");
    const db = await getDb();
    await db.insert(aiSettings).values({
      organizationId: spent.id,
      provider: "openai-compatible",
      model: "llama3.1",
      // Nothing listens here: a call to it would fail — the budget must stop it first.
      baseUrl: "http://127.0.0.1:9/v1",
      monthlyTokenBudget: 100,
    });
    await db.insert(aiUsage).values({
      organizationId: spent.id,
      purpose: "classify_reply",
      mode: "llm",
      totalTokens: 150,
    });
    const lead = await createLead(spent.ctx("owner"), {
      firstName: "Budget",
      email: "b@example.org",
    });
    const res = await api("POST", `/api/v1/leads/${lead.id}/analyze`, {
      token: spent.members.owner.token,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ mode: "offline", model: null });
    const calls = await db.select().from(aiUsage).where(eq(aiUsage.organizationId, spent.id));
    expect(calls.filter((c) => c.purpose === "lead_analysis")).toEqual([
      expect.objectContaining({ mode: "offline", totalTokens: 0, error: null }),
    ]);
  });
});

describe("POST /ai/summarize and /ai/extract-info", () => {
  it("summarises a text or a lead offline, and rejects a body with neither or both", async () => {
    const token = org.members.rep.token;
    const text = await api("POST", "/api/v1/ai/summarize", {
      token,
      body: { text: "We liked the demo. Can you send pricing for 40 seats by Friday? Thanks." },
    });
    expect(text.status).toBe(200);
    expect(text.json).toMatchObject({
      mode: "offline",
      bullets: expect.arrayContaining(["Can you send pricing for 40 seats by Friday?"]),
    });

    const lead = await newLead();
    const byLead = await api("POST", "/api/v1/ai/summarize", { token, body: { leadId: lead.id } });
    expect(byLead.status).toBe(200);
    expect(byLead.json.summary).toContain("Route Lead, CEO at Example AG");

    expect((await api("POST", "/api/v1/ai/summarize", { token, body: {} })).status).toBe(400);
    expect(
      (await api("POST", "/api/v1/ai/summarize", { token, body: { text: "x", leadId: lead.id } }))
        .status,
    ).toBe(400);
  });

  it("extracts contact fields from a signature offline", async () => {
    const res = await api("POST", "/api/v1/ai/extract-info", {
      token: org.members.rep.token,
      body: {
        text: "Cordialement,\nJean-Luc Dubois\nDirecteur commercial\nDupont Industries SAS\nTél : 01 42 68 53 00\njl.dubois@dupont-industries.fr",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.mode).toBe("offline");
    expect(res.json.fields).toMatchObject({
      name: { value: "Jean-Luc Dubois" },
      phone: { value: "+33142685300" },
      company: { value: "Dupont Industries SAS" },
    });
    const bad = await api("POST", "/api/v1/ai/extract-info", {
      token: org.members.rep.token,
      body: { text: "   ", defaultCountry: "Germany" },
    });
    expect(bad.status).toBe(400);
  });
});
