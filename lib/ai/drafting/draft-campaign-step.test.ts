import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRecipients, campaigns, type CampaignStep } from "@/db/schema";
import { composeCampaignEmail } from "@/lib/campaigns/sequence/compose-campaign-email";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { draftCampaignStep, draftSequenceStep } from "./draft-campaign-step";
import { draftFitsStep } from "./step-ai-draft";

let org: TestOrg;
let leadId: string;

const sender = {
  fromName: "Sam Seller",
  fromAddress: "sam@seller.example",
  replyTo: null,
  signatureHtml: null,
};
const footer = { postalAddress: null, unsubscribeText: null };
const lead = {
  firstName: "Ada",
  lastName: "Lovelace",
  email: "ada@engines.example",
  company: "Analytical Engines Ltd",
  jobTitle: "Head of Operations",
  industry: null,
  city: null,
  country: null,
  customFields: {},
};

function step(personalize: "off" | "first_line" | "whole_step"): CampaignStep {
  return {
    id: "step-1",
    delayDays: 0,
    delayHours: 0,
    ai: { personalize, instructions: "Mention the spring webinar" },
    variants: [
      {
        id: "var-a",
        label: "A",
        weight: 50,
        templateId: null,
        subject: "Quick idea for {{company}}",
        html: "<p>Hi {{firstName}},</p><p>{{aiFirstLine}}</p><p>Can we talk?</p>",
        text: null,
      },
    ],
  };
}

function answer(object: unknown): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text: JSON.stringify(object) }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 200, noCache: 200, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 20, text: 20, reasoning: 0 },
    },
    warnings: [],
  };
}

beforeAll(async () => {
  org = await createTestOrg("Step drafting");
  const created = await createLead(org.ctx("owner"), { ...lead, ownerId: null });
  leadId = created.id;
});

describe("composeCampaignEmail with AI", () => {
  const parts = step("first_line").variants[0]!;

  it("fills {{aiFirstLine}} with the drafted opener and says the email is AI-drafted", () => {
    const composed = composeCampaignEmail({
      parts,
      lead,
      sender,
      footer,
      ai: {
        stepId: "step-1",
        variantId: "var-a",
        mode: "llm",
        firstLine: "Your team's move to <automation> caught my eye.",
        whole: null,
        notes: null,
      },
    });
    expect(composed.html).toContain(
      "<p>Your team&#39;s move to &lt;automation&gt; caught my eye.</p>",
    );
    expect(composed.text).toContain("Your team's move to <automation> caught my eye.");
    expect(composed).toMatchObject({ aiDrafted: true, aiMode: "llm" });
  });

  it("writes the offline opener when no draft is given, and nothing is AI-drafted without the variable", () => {
    const offline = composeCampaignEmail({ parts, lead, sender, footer });
    expect(offline.text).toContain(
      "As Head of Operations at Analytical Engines Ltd, you may be the right person to talk to about this.",
    );
    expect(offline).toMatchObject({ aiDrafted: true, aiMode: "offline" });

    const plain = composeCampaignEmail({
      parts: { subject: "Hi", html: "<p>Hello {{firstName}}</p>", text: null },
      lead,
      sender,
      footer,
    });
    expect(plain).toMatchObject({ aiDrafted: false, aiMode: null });
  });

  it("sends a whole drafted step instead of the step's content", () => {
    const composed = composeCampaignEmail({
      parts,
      lead,
      sender,
      footer,
      ai: {
        stepId: "step-1",
        variantId: "var-a",
        mode: "llm",
        firstLine: null,
        whole: {
          subject: "Spring webinar",
          text: "Hi Ada,\n\nJoin us.",
          html: "<p>Hi Ada,</p><p>Join us.</p>",
        },
        notes: null,
      },
    });
    expect(composed.subject).toBe("Spring webinar");
    expect(composed.html).toMatch(/^<p>Hi Ada,<\/p><p>Join us.<\/p>/);
    expect(composed.html).toContain("#unsubscribe-preview");
    expect(composed).toMatchObject({ aiDrafted: true, aiMode: "llm" });
  });

  it("uses a draft only for the step and variant it was made for", () => {
    const draft = {
      stepId: "step-1",
      variantId: "var-a",
      mode: "llm" as const,
      firstLine: "x",
      whole: null,
      notes: null,
    };
    expect(draftFitsStep(draft, "step-1", "var-a")).toBe(draft);
    expect(draftFitsStep(draft, "step-1", "var-b")).toBeNull();
    expect(draftFitsStep(null, "step-1", "var-a")).toBeNull();
  });
});

describe("draftCampaignStep", () => {
  it("asks the model for the opener with the step as the brief and the step's instructions", async () => {
    const db = await getDb();
    const model = new MockLanguageModelV4({
      doGenerate: answer({
        subject: "",
        text: "Saw Analytical Engines Ltd is growing its operations team.\n",
        firstLine: "Saw Analytical Engines Ltd is growing its operations team.",
      }),
    });
    const s = step("first_line");
    const draft = await draftCampaignStep(
      db,
      { organizationId: org.id, leadId, step: s, variant: s.variants[0]!, parts: s.variants[0]! },
      { model },
    );
    expect(draft).toEqual({
      stepId: "step-1",
      variantId: "var-a",
      mode: "llm",
      firstLine: "Saw Analytical Engines Ltd is growing its operations team.",
      whole: null,
      notes: null,
    });
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("Mention the spring webinar");
    expect(prompt).toContain("Quick idea for {{company}}");
  });

  it("rewrites a whole step, and falls back to the offline opener when the model fails", async () => {
    const db = await getDb();
    const s = step("whole_step");
    const input = {
      organizationId: org.id,
      leadId,
      step: s,
      variant: s.variants[0]!,
      parts: s.variants[0]!,
    };
    const model = new MockLanguageModelV4({
      doGenerate: answer({
        subject: "Spring webinar for Analytical Engines",
        text: "Hi Ada,\n\nWould you join our spring webinar?",
        firstLine: null,
      }),
    });
    const whole = await draftCampaignStep(db, input, { model });
    expect(whole).toMatchObject({
      mode: "llm",
      whole: {
        subject: "Spring webinar for Analytical Engines",
        html: "<p>Hi Ada,</p>\n<p>Would you join our spring webinar?</p>",
      },
    });

    const broken = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("connection reset");
      },
    });
    const offline = await draftCampaignStep(db, input, { model: broken });
    expect(offline).toMatchObject({
      mode: "offline",
      whole: null,
      firstLine:
        "As Head of Operations at Analytical Engines Ltd, you may be the right person to talk to about this.",
    });
    expect(offline!.notes).toContain("The step goes out as written");
  });

  it("drafts nothing for a step that isn't personalised", async () => {
    const db = await getDb();
    const s = step("off");
    const draft = await draftCampaignStep(db, {
      organizationId: org.id,
      leadId,
      step: s,
      variant: s.variants[0]!,
      parts: s.variants[0]!,
    });
    expect(draft).toBeNull();
  });

  it("drafts a sequence's next step for the variant the send will pick (offline without a model)", async () => {
    const db = await getDb();
    const [campaign] = await db
      .insert(campaigns)
      .values({
        organizationId: org.id,
        name: "AI steps",
        status: "active",
        createdBy: org.members.owner.id,
        steps: [step("first_line")],
      })
      .returning({ id: campaigns.id });
    const [recipient] = await db
      .insert(campaignRecipients)
      .values({ organizationId: org.id, campaignId: campaign!.id, leadId, state: "active" })
      .returning({ id: campaignRecipients.id });
    const ref = {
      organizationId: org.id,
      campaignId: campaign!.id,
      recipientId: recipient!.id,
      leadId,
      generation: 0,
    };
    const draft = await draftSequenceStep(db, ref, { stepIndex: 0 });
    expect(draft).toMatchObject({ stepId: "step-1", variantId: "var-a", mode: "offline" });
    expect(await draftSequenceStep(db, ref, { stepIndex: 5 })).toBeNull();
    // Another organization's ids find nothing.
    const other = await createTestOrg("Step drafting other");
    expect(
      await draftSequenceStep(db, { ...ref, organizationId: other.id }, { stepIndex: 0 }),
    ).toBeNull();
  });
});

describe("a step's AI option through the campaigns API", () => {
  it("is stored with the step, returned (off by default) and validated", async () => {
    const variant = { subject: "Hi {{firstName}}", html: "<p>{{aiFirstLine}}</p>" };
    const created = await api("POST", "/api/v1/campaigns", {
      token: org.members.owner.token,
      body: {
        name: "AI option",
        steps: [
          { variants: [variant], ai: { personalize: "first_line", instructions: " Be brief " } },
          { delayDays: 2, variants: [variant] },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.steps.map((s: { ai: unknown }) => s.ai)).toEqual([
      { personalize: "first_line", instructions: "Be brief" },
      { personalize: "off", instructions: null },
    ]);
    const bad = await api("POST", "/api/v1/campaigns", {
      token: org.members.owner.token,
      body: { name: "Bad AI option", steps: [{ variants: [variant], ai: { personalize: "all" } }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe("previewing {{aiFirstLine}}", () => {
  it("renders the lead's offline opener and passes the template checks", async () => {
    const res = await api("POST", "/api/v1/templates/render", {
      token: org.members.rep.token,
      body: { subject: "Hi {{firstName}}", html: "<p>{{aiFirstLine}}</p>", leadId },
    });
    expect(res.status).toBe(200);
    expect(res.json.text).toBe(
      "As Head of Operations at Analytical Engines Ltd, you may be the right person to talk to about this.",
    );
    // Known to the checks: no unknown_variable error (only the missing-unsubscribe warning).
    expect(res.json.findings.map((f: { code: string }) => f.code)).not.toContain(
      "unknown_variable",
    );
  });
});
