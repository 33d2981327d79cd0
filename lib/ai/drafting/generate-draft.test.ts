import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  aiSettings,
  aiUsage,
  conversationMessages,
  conversations,
  productContexts,
} from "@/db/schema";
import { conversationFor } from "@/lib/conversations/record-message";
import { AppError } from "@/lib/errors";
import { createLead } from "@/lib/leads/create-lead";
import { leadReply } from "@/lib/testing/ai-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { createTemplate } from "@/lib/templates/templates";
import type { ReplyCategory } from "../reply-classification";
import { draftConversationReply, generateDraft } from "./generate-draft";
import { suggestReplies } from "./suggest-replies";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Drafting");
});

function answer(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 300, noCache: 300, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 80, text: 80, reasoning: 0 },
    },
    warnings: [],
  };
}

/** A lead with real fields who replied `body`, the reply classified as `category`. */
async function classifiedReply(target: TestOrg, body: string, category: ReplyCategory | null) {
  const db = await getDb();
  const reply = await leadReply(target, body);
  const lead = await createLead(target.ctx("owner"), {
    firstName: "Ada",
    lastName: "Lovelace",
    company: "Analytical Engines Ltd",
    jobTitle: "Head of Operations",
    email: `ada-${reply.leadId.slice(-8)}@example.org`,
    ownerId: null,
  });
  // The reply moves to the lead with fields (the fixture's lead has only a first name).
  const [message] = await db
    .update(conversationMessages)
    .set({
      leadId: lead.id,
      classification: category
        ? {
            category,
            confidence: 0.9,
            rationale: "test",
            returnDate: null,
            referral: null,
            mode: "offline",
          }
        : null,
      classificationState: category ? "applied" : null,
    })
    .where(eq(conversationMessages.id, reply.messageId))
    .returning();
  await db
    .update(conversations)
    .set({ leadId: lead.id })
    .where(eq(conversations.id, message!.conversationId!));
  return { leadId: lead.id, messageId: reply.messageId, conversationId: message!.conversationId! };
}

async function draftingUsage(orgId: string) {
  const db = await getDb();
  return db
    .select()
    .from(aiUsage)
    .where(and(eq(aiUsage.organizationId, orgId), eq(aiUsage.purpose, "drafting")));
}

describe("generateDraft offline", () => {
  it("answers a meeting request with the organization's scheduling template, filled for the lead", async () => {
    const own = await createTestOrg("Drafting templates");
    const ctx = own.ctx("rep");
    await createTemplate(own.ctx("owner"), {
      name: "Cold intro",
      category: "Cold outreach",
      subject: "Hello {{company}}",
      html: "<p>Intro</p>",
      text: null,
    });
    const scheduling = await createTemplate(own.ctx("owner"), {
      name: "Book a time",
      category: "Scheduling",
      subject: "Meeting",
      html: "<p>Hi {{firstName}}, happy to meet — how about Tuesday for {{company}}?</p>",
      text: null,
    });
    const reply = await classifiedReply(own, "Can we meet next week?", "meeting_request");

    const draft = await generateDraft(ctx, {
      leadId: reply.leadId,
      purpose: "reply",
      conversationId: reply.conversationId,
    });

    expect(draft).toMatchObject({
      mode: "offline",
      subject: "Re: Hello",
      basedOn: {
        templateId: scheduling.id,
        templateName: "Book a time",
        messageId: reply.messageId,
      },
    });
    expect(draft.text).toContain(
      "Hi Ada, happy to meet — how about Tuesday for Analytical Engines Ltd?",
    );
    expect(draft.notes).toContain("no AI provider is configured");
    const usage = await draftingUsage(own.id);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ mode: "offline", totalTokens: 0 });
  });

  it("falls back to the built-in reply for the category when no template fits", async () => {
    const reply = await classifiedReply(org, "Please take me off your list", "unsubscribe");
    const draft = await generateDraft(org.ctx("rep"), { leadId: reply.leadId, purpose: "reply" });
    expect(draft.mode).toBe("offline");
    expect(draft.basedOn.skeleton).toBe("unsubscribe.confirm");
    expect(draft.text).toMatch(/^Hi Ada,/);
    expect(draft.text).toContain("you won't receive any further emails");
    expect(draft.notes).toContain("built-in");
    expect(draft.html).toContain("<p>Hi Ada,</p>");
  });

  it("writes an honest first line from the lead's own fields", async () => {
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Grace",
      company: "Hopper Systems",
      jobTitle: "CTO",
      industry: "Software",
      email: "grace@hopper.example",
      ownerId: null,
    });
    const draft = await generateDraft(org.ctx("rep"), { leadId: lead.id, purpose: "first_line" });
    expect(draft).toMatchObject({
      mode: "offline",
      firstLine: "As CTO at Hopper Systems, you know better than most what software teams need.",
    });
    expect(draft.text).toBe(draft.firstLine);
  });

  it("drafts outreach from a given template, the opener filled into {{aiFirstLine}}", async () => {
    const template = await createTemplate(org.ctx("owner"), {
      name: "Opener",
      category: null,
      subject: "For {{company}}",
      html: "<p>Hi {{firstName}},</p><p>{{aiFirstLine}}</p>",
      text: null,
    });
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Linus",
      company: "Kernel GmbH",
      email: "linus@kernel.example",
      ownerId: null,
    });
    const draft = await generateDraft(org.ctx("rep"), {
      leadId: lead.id,
      purpose: "email",
      templateId: template.id,
    });
    expect(draft).toMatchObject({
      subject: "For Kernel GmbH",
      firstLine: "I'm reaching out to you at Kernel GmbH.",
      basedOn: { templateId: template.id },
    });
    expect(draft.text).toContain("I'm reaching out to you at Kernel GmbH.");
  });

  it("refuses a reply without a message, another organization's lead, and a foreign conversation", async () => {
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Quiet",
      email: "quiet@example.org",
      ownerId: null,
    });
    await expect(
      generateDraft(org.ctx("rep"), { leadId: lead.id, purpose: "reply" }),
    ).rejects.toMatchObject({ code: "unprocessable" });

    const other = await createTestOrg("Drafting other");
    await expect(
      generateDraft(other.ctx("owner"), { leadId: lead.id, purpose: "email" }),
    ).rejects.toMatchObject({ code: "not_found" });

    const reply = await classifiedReply(org, "Interesting", "interested");
    await expect(
      generateDraft(org.ctx("rep"), {
        leadId: lead.id,
        purpose: "reply",
        conversationId: reply.conversationId,
      }),
    ).rejects.toMatchObject({ code: "validation_error" });
    await expect(
      draftConversationReply(other.ctx("owner"), reply.conversationId, {}),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("generateDraft with a model", () => {
  it("parses the structured answer, records its tokens and prompts with the product context and thread", async () => {
    const own = await createTestOrg("Drafting model");
    const db = await getDb();
    await db.insert(productContexts).values({
      organizationId: own.id,
      productName: "Leadline",
      description: "A CRM for outbound sales teams",
      valuePropositions: ["Replies classified automatically"],
    });
    const reply = await classifiedReply(own, "What does it cost for 10 seats?", "question");
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          subject: "",
          text: "Hi Ada,\n\nThanks for asking — I'll send the pricing for 10 seats today.\n\nBest",
          firstLine: null,
        }),
      ),
    });

    const draft = await draftConversationReply(
      own.ctx("rep"),
      reply.conversationId,
      {
        instructions: "Keep it short",
        tone: "friendly",
      },
      { model },
    );

    expect(draft).toMatchObject({
      mode: "llm",
      subject: "Re: Hello",
      basedOn: { messageId: reply.messageId },
    });
    expect(draft.html).toBe(
      "<p>Hi Ada,</p>\n<p>Thanks for asking — I&#39;ll send the pricing for 10 seats today.</p>\n<p>Best</p>",
    );
    expect(draft.notes).toBeUndefined();
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("Leadline");
    expect(prompt).toContain("What does it cost for 10 seats?");
    expect(prompt).toContain("classified question");
    expect(prompt).toContain("Analytical Engines Ltd");
    expect(prompt).toContain("Keep it short");
    const usage = await draftingUsage(own.id);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ mode: "llm", totalTokens: 380, error: null });
  });

  it("falls back to offline on a malformed answer, keeping the tokens it cost", async () => {
    const own = await createTestOrg("Drafting malformed");
    const reply = await classifiedReply(own, "Sounds interesting", "interested");
    const model = new MockLanguageModelV4({ doGenerate: answer("Sure! Here is your email: Hi…") });
    const draft = await generateDraft(
      own.ctx("rep"),
      { leadId: reply.leadId, purpose: "reply" },
      { model },
    );
    expect(draft.mode).toBe("offline");
    expect(draft.notes).toContain("answer was unusable");
    expect(draft.basedOn.skeleton).toBe("interested.next_step");
    const usage = await draftingUsage(own.id);
    expect(usage[0]).toMatchObject({ mode: "llm", totalTokens: 380 });
    expect(usage[0]!.error).toContain("malformed_output");
  });

  it("falls back to offline when the provider fails", async () => {
    const own = await createTestOrg("Drafting provider error");
    const reply = await classifiedReply(own, "Let's talk", "meeting_request");
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("503 upstream unavailable");
      },
    });
    const draft = await generateDraft(
      own.ctx("rep"),
      { leadId: reply.leadId, purpose: "email" },
      { model },
    );
    expect(draft.mode).toBe("offline");
    expect(draft.notes).toContain("provider failed");
    expect(draft.basedOn.skeleton).toBe("email.outreach");
    expect(draft.text).toContain("As Head of Operations at Analytical Engines Ltd");
  });

  it("drafts offline once the month's budget is spent, without calling the provider", async () => {
    const own = await createTestOrg("Drafting budget");
    const db = await getDb();
    await db.insert(aiSettings).values({
      organizationId: own.id,
      provider: "openai-compatible",
      model: "llama3.1",
      // Nothing listens here: a call would fail, and the test would see provider_error instead.
      baseUrl: "http://127.0.0.1:9/v1",
      monthlyTokenBudget: 100,
    });
    await db.insert(aiUsage).values({
      organizationId: own.id,
      purpose: "classify_reply",
      mode: "llm",
      totalTokens: 150,
    });
    const reply = await classifiedReply(own, "Interested!", "interested");
    const draft = await generateDraft(own.ctx("rep"), { leadId: reply.leadId, purpose: "reply" });
    expect(draft.mode).toBe("offline");
    expect(draft.notes).toContain("budget is used up");
  });
});

describe("suggestReplies", () => {
  it("offers the category's built-in replies offline, filled for the lead", async () => {
    const reply = await classifiedReply(org, "Could we set up a call?", "meeting_request");
    const result = await suggestReplies(org.ctx("rep"), reply.conversationId);
    expect(result).toMatchObject({
      mode: "offline",
      messageId: reply.messageId,
      category: "meeting_request",
    });
    expect(result.suggestions.map((s) => s.intent)).toEqual(["schedule_meeting", "propose_times"]);
    expect(result.suggestions[0]!.text).toMatch(/^Hi Ada,/);
    expect(result.suggestions[0]!.subject).toBe("Re: Hello");
  });

  it("uses the model's suggestions, at most three, and falls back when they are empty", async () => {
    const own = await createTestOrg("Suggestions model");
    const reply = await classifiedReply(own, "Do you integrate with HubSpot?", "question");
    const suggestion = (n: number) => ({
      label: `Option ${n}`,
      intent: "Answer Question",
      subject: "",
      text: `Reply ${n}`,
    });
    const model = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ suggestions: [1, 2, 3, 4].map(suggestion) })),
    });
    const result = await suggestReplies(own.ctx("rep"), reply.conversationId, { model });
    expect(result.mode).toBe("llm");
    expect(result.suggestions).toHaveLength(3);
    expect(result.suggestions[0]).toEqual({
      label: "Option 1",
      intent: "answer_question",
      subject: "Re: Hello",
      text: "Reply 1",
    });

    const empty = new MockLanguageModelV4({
      doGenerate: answer(JSON.stringify({ suggestions: [] })),
    });
    const fallback = await suggestReplies(own.ctx("rep"), reply.conversationId, { model: empty });
    expect(fallback.mode).toBe("offline");
    expect(fallback.suggestions.map((s) => s.intent)).toEqual(["answer_question", "propose_call"]);
  });

  it("has nothing to suggest before the lead writes, and hides other organizations' threads", async () => {
    const db = await getDb();
    const lead = await createLead(org.ctx("owner"), {
      firstName: "New",
      email: "new-lead@example.org",
      ownerId: null,
    });
    const { id } = await conversationFor(db, org.id, lead.id);
    const result = await suggestReplies(org.ctx("rep"), id);
    expect(result).toMatchObject({ suggestions: [], messageId: null });

    const other = await createTestOrg("Suggestions other");
    await expect(suggestReplies(other.ctx("owner"), id)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
