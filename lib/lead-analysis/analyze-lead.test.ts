import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  aiUsage,
  conversationMessages,
  leadAnalyses,
  leadEvents,
  productContexts,
} from "@/db/schema";
import { recordInboundMessage, recordOutboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { leadAnalysisSchema } from "./analysis-schemas";
import { analyzeLead, getLatestLeadAnalysis } from "./analyze-lead";
import { extractInfo } from "./extract-info";
import { summarize } from "./summarize";

const NOW = new Date("2026-03-10T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function answer(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 900, noCache: 900, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 150, text: 150, reasoning: 0 },
    },
    warnings: [],
  };
}

let org: TestOrg;

/** A lead we wrote to twice, who opened and clicked, looked at pricing, and asked for a call. */
async function seededLead(category: string | null = "meeting_request") {
  const db = await getDb();
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Anna",
    lastName: "Schmidt",
    email: `anna-${newId().slice(-12)}@mueller-logistik.de`,
    phone: "+49301234567",
    company: "Müller Logistik GmbH",
    jobTitle: "Head of Purchasing",
    city: "Berlin",
    country: "DE",
    source: "website",
    ownerId: null,
  });
  for (const at of [daysAgo(9), daysAgo(5)]) {
    await recordOutboundMessage(db, {
      organizationId: org.id,
      leadId: lead.id,
      channel: "email",
      author: "user",
      status: "sent",
      subject: "Faster dispatch for Müller Logistik",
      body: "Hi Anna, would faster dispatch planning help your team?",
      occurredAt: at,
    });
  }
  if (category) {
    const reply = await recordInboundMessage(db, {
      organizationId: org.id,
      leadId: lead.id,
      channel: "email",
      matchedBy: "sender",
      inboundKind: "human_reply",
      subject: "Re: Faster dispatch for Müller Logistik",
      body: "Yes, let's talk. Could we do a call on Thursday afternoon?",
      dedupeKey: `test:${newId()}`,
      occurredAt: daysAgo(1),
    });
    await db
      .update(conversationMessages)
      .set({
        classification: {
          category,
          confidence: 0.92,
          rationale: "Proposes a call",
          returnDate: null,
          referral: null,
          mode: "offline",
        },
        classificationState: "applied",
      })
      .where(eq(conversationMessages.id, reply!.id));
  }
  await db.insert(leadEvents).values([
    ...[8, 6, 4].map((d) => ({
      organizationId: org.id,
      leadId: lead.id,
      type: "email_opened",
      occurredAt: daysAgo(d),
    })),
    { organizationId: org.id, leadId: lead.id, type: "email_clicked", occurredAt: daysAgo(4) },
    {
      organizationId: org.id,
      leadId: lead.id,
      type: "pricing_page_viewed",
      occurredAt: daysAgo(2),
    },
  ]);
  return lead;
}

async function usage(purpose: string) {
  const db = await getDb();
  return db
    .select()
    .from(aiUsage)
    .where(and(eq(aiUsage.organizationId, org.id), eq(aiUsage.purpose, purpose)));
}

beforeAll(async () => {
  org = await createTestOrg("Lead analysis");
});

describe("analyzeLead offline", () => {
  it("summarises from the lead's fields and history, finds real signals and proposes meeting times", async () => {
    const lead = await seededLead();
    const analysis = await analyzeLead(org.ctx("rep"), lead.id, { model: null, now: NOW });

    expect(leadAnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis).toMatchObject({ leadId: lead.id, mode: "offline", model: null });
    expect(analysis.summary).toContain(
      "Anna Schmidt, Head of Purchasing at Müller Logistik GmbH (Berlin, DE)",
    );
    expect(analysis.summary).toContain("2 sent by us, 1 reply from the lead");
    expect(analysis.summary).toContain("asked for a meeting");
    expect(analysis.summary).toContain("3 opens, 1 clicks");
    const signals = analysis.buyingSignals.map((s) => [s.signal, s.strength]);
    expect(signals).toEqual(
      expect.arrayContaining([
        ["Asked for a meeting", "strong"],
        ["Wrote to us recently", "medium"],
        ["Clicked links in our emails", "medium"],
        ["Opened our emails repeatedly", "weak"],
        ["Recent activity: pricing page viewed", "weak"],
      ]),
    );
    expect(analysis.buyingSignals[0]!.evidence).toContain("Could we do a call on Thursday");
    expect(analysis.nextStep).toMatchObject({
      action: expect.stringContaining("Propose two or three meeting times"),
      dueInDays: 0,
    });
    expect(analysis.intentScore).toBeGreaterThanOrEqual(60);
    expect(analysis.fitScore).toBeGreaterThanOrEqual(80);
    expect(analysis.createdBy).toBe(org.members.rep.id);
    expect(await usage("lead_analysis")).toEqual(
      expect.arrayContaining([expect.objectContaining({ mode: "offline" })]),
    );
  });

  it("says a declined lead is one to close, with the decline as a risk and low intent", async () => {
    const lead = await seededLead("not_interested");
    const analysis = await analyzeLead(org.ctx("owner"), lead.id, { model: null, now: NOW });
    expect(analysis.risks).toContain("Their latest reply declines");
    expect(analysis.nextStep.action).toMatch(/close the lead/i);
    expect(analysis.intentScore).toBeLessThanOrEqual(10);
  });

  it("suggests a first email for a lead nobody has contacted, and a call after unanswered emails", async () => {
    const fresh = await createLead(org.ctx("owner"), {
      firstName: "New",
      email: `n-${newId().slice(-10)}@x.org`,
    });
    const first = await analyzeLead(org.ctx("owner"), fresh.id, { model: null, now: NOW });
    expect(first.nextStep.action).toBe("Send a first, personalised email");
    expect(first.summary).toContain("No messages exchanged yet");

    const quiet = await seededLead(null);
    const db = await getDb();
    await recordOutboundMessage(db, {
      organizationId: org.id,
      leadId: quiet.id,
      channel: "email",
      author: "user",
      status: "sent",
      body: "Just bumping this up.",
      occurredAt: daysAgo(2),
    });
    const analysis = await analyzeLead(org.ctx("owner"), quiet.id, { model: null, now: NOW });
    expect(analysis.nextStep.action).toBe("Call them");
    expect(analysis.risks).toContain("No reply after 3 messages");
  });

  it("keeps every run and serves the latest; never analysed is a clear 404", async () => {
    const lead = await seededLead();
    await expect(getLatestLeadAnalysis(org.ctx("owner"), lead.id)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("not been analysed"),
    });
    const first = await analyzeLead(org.ctx("owner"), lead.id, { model: null, now: NOW });
    const second = await analyzeLead(org.ctx("owner"), lead.id, { model: null, now: NOW });
    expect((await getLatestLeadAnalysis(org.ctx("rep"), lead.id)).id).toBe(second.id);
    const db = await getDb();
    const rows = await db.select().from(leadAnalyses).where(eq(leadAnalyses.leadId, lead.id));
    expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
  });

  it("follows lead visibility: a rep can't analyse a colleague's lead, nor can another organization", async () => {
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Owned",
      email: `o-${newId().slice(-10)}@x.org`,
      ownerId: org.members.rep2.id,
    });
    await expect(analyzeLead(org.ctx("rep"), lead.id, { model: null })).rejects.toMatchObject({
      code: "not_found",
    });
    const other = await createTestOrg("Other");
    await expect(analyzeLead(other.ctx("owner"), lead.id, { model: null })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      summarize(other.ctx("owner"), { leadId: lead.id }, { model: null }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

const llmAnalysis = {
  summary: "Anna runs purchasing at Müller Logistik and asked for a call on Thursday.",
  buyingSignals: [
    { signal: "Asked for a call", evidence: "Reply of 2026-03-09", strength: "strong" },
  ],
  risks: [],
  nextStep: { action: "Send Thursday slots", why: "She asked for a call", dueInDays: 0 },
  fitScore: 82,
  intentScore: 140,
};

describe("analyzeLead with a model", () => {
  it("stores the model's structured answer (scores bounded) and records its tokens; the prompt carries the product context and the classified conversation", async () => {
    const db = await getDb();
    await db
      .insert(productContexts)
      .values({
        organizationId: org.id,
        productName: "DispatchPro",
        description: "Route planning for logistics firms",
      })
      .onConflictDoNothing();
    const lead = await seededLead();
    const model = new MockLanguageModelV4({ doGenerate: answer(JSON.stringify(llmAnalysis)) });
    const before = (await usage("lead_analysis")).length;

    const analysis = await analyzeLead(org.ctx("owner"), lead.id, { model, now: NOW });

    expect(analysis).toMatchObject({
      mode: "llm",
      model: "mock-model-id",
      summary: llmAnalysis.summary,
      intentScore: 100,
      fitScore: 82,
      nextStep: { action: "Send Thursday slots", dueInDays: 0 },
    });
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("DispatchPro");
    expect(prompt).toContain("classified meeting_request");
    expect(prompt).toContain("Could we do a call on Thursday");
    const rows = await usage("lead_analysis");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ mode: "llm", totalTokens: 1050, error: null });
  });

  it("falls back to the offline analysis on a malformed answer, still counting the tokens", async () => {
    const lead = await seededLead();
    const model = new MockLanguageModelV4({ doGenerate: answer("Anna seems keen, call her.") });
    const analysis = await analyzeLead(org.ctx("owner"), lead.id, { model, now: NOW });
    expect(analysis).toMatchObject({ mode: "offline", model: null });
    expect(analysis.nextStep.action).toContain("Propose two or three meeting times");
    expect((await usage("lead_analysis")).at(-1)).toMatchObject({
      mode: "llm",
      totalTokens: 1050,
      error: expect.stringContaining("malformed_output"),
    });
  });

  it("falls back to offline when the provider fails", async () => {
    const lead = await seededLead();
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("connection refused");
      },
    });
    const analysis = await analyzeLead(org.ctx("owner"), lead.id, { model, now: NOW });
    expect(analysis.mode).toBe("offline");
    expect((await usage("lead_analysis")).at(-1)).toMatchObject({
      error: expect.stringContaining("provider_error"),
    });
  });
});

describe("summarize and extractInfo", () => {
  it("summarises a lead offline from its facts, and a text with the model", async () => {
    const lead = await seededLead();
    const offline = await summarize(org.ctx("rep"), { leadId: lead.id }, { model: null, now: NOW });
    expect(offline.mode).toBe("offline");
    expect(offline.summary).toContain("Anna Schmidt");
    expect(offline.bullets.join(" ")).toContain("asked for a meeting");

    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({ summary: "They want a quote.", bullets: ["40 seats", "SSO"] }),
      ),
    });
    const text = await summarize(
      org.ctx("rep"),
      { text: "We need 40 seats with SSO. Quote?" },
      { model },
    );
    expect(text).toEqual({
      summary: "They want a quote.",
      bullets: ["40 seats", "SSO"],
      mode: "llm",
    });
    expect((await usage("summarize")).at(-1)).toMatchObject({ mode: "llm", totalTokens: 1050 });
  });

  it("extracts with the model, holding the phone to E.164 and dropping a non-email", async () => {
    const fields = Object.fromEntries(
      ["name", "title", "company", "email", "phone", "website", "linkedin", "address"].map((f) => [
        f,
        { value: null, confidence: 0 },
      ]),
    );
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          ...fields,
          name: { value: "Anna Schmidt", confidence: 0.97 },
          phone: { value: "030 1234567", confidence: 0.9 },
          email: { value: "not an email", confidence: 0.6 },
        }),
      ),
    });
    const result = await extractInfo(
      org.ctx("rep"),
      { text: "Anna Schmidt\nTel 030 1234567", defaultCountry: "DE" },
      { model },
    );
    expect(result.mode).toBe("llm");
    expect(result.fields.name).toEqual({ value: "Anna Schmidt", confidence: 0.97 });
    expect(result.fields.phone).toEqual({ value: "+49301234567", confidence: 0.9 });
    expect(result.fields.email).toEqual({ value: null, confidence: 0 });

    const broken = new MockLanguageModelV4({ doGenerate: answer("{}") });
    const fallback = await extractInfo(
      org.ctx("rep"),
      { text: "Anna Schmidt\nTel +49 30 1234567" },
      { model: broken },
    );
    expect(fallback.mode).toBe("offline");
    expect(fallback.fields.phone.value).toBe("+49301234567");
  });
});
