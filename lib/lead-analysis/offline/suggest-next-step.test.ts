import { describe, expect, it } from "vitest";
import type { ReplyCategory } from "@/lib/ai/reply-classification";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import type { FactMessage, LeadFacts } from "../gather-lead-facts";
import { suggestNextStep } from "./suggest-next-step";

const NOW = new Date("2026-03-10T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function facts(
  overrides: Omit<Partial<LeadFacts>, "lead"> & { lead?: Partial<LeadRow> } = {},
): LeadFacts {
  const { lead, ...rest } = overrides;
  return {
    lead: {
      displayName: "Eva Berg",
      email: "eva@berg.se",
      phone: null,
      unsubscribed: false,
      doNotContact: false,
      ...lead,
    } as LeadRow,
    statusLabel: "Contacted",
    statusCategory: "open",
    messages: [],
    events: [],
    statusChanges: [],
    campaigns: [],
    notes: [],
    now: NOW,
    ...rest,
  };
}

const sent = (days: number): FactMessage => ({
  direction: "outbound",
  channel: "email",
  subject: null,
  body: "Hello Eva",
  occurredAt: daysAgo(days),
  classification: null,
});

function reply(category: ReplyCategory, extra: Record<string, unknown> = {}): FactMessage {
  return {
    direction: "inbound",
    channel: "email",
    subject: null,
    body: "…",
    occurredAt: daysAgo(1),
    classification: {
      category,
      confidence: 0.9,
      rationale: "",
      returnDate: null,
      referral: null,
      mode: "offline",
      ...extra,
    },
  };
}

describe("suggestNextStep", () => {
  it("answers an unanswered reply by its category", () => {
    const step = (m: FactMessage) => suggestNextStep(facts({ messages: [sent(3), m] }));
    expect(step(reply("question"))).toMatchObject({
      action: "Answer their question",
      dueInDays: 0,
    });
    expect(step(reply("interested")).action).toMatch(/tailored follow-up/);
    expect(step(reply("out_of_office", { returnDate: "2026-03-16" }))).toMatchObject({
      action: "Follow up once they are back",
      why: "Away until 2026-03-16",
      dueInDays: 7,
    });
    expect(
      step(reply("wrong_person", { referral: { name: "Lars Ek", email: null, title: null } }))
        .action,
    ).toBe("Contact Lars Ek, whom they referred you to");
    expect(step(reply("bounce")).action).toBe("Find a working email address");
    expect(step(reply("unsubscribe")).action).toMatch(/send nothing further/);
  });

  it("puts do-not-contact and closed stages before everything else", () => {
    const withReply = { messages: [sent(3), reply("meeting_request")] };
    expect(suggestNextStep(facts({ ...withReply, lead: { doNotContact: true } })).action).toBe(
      "Don't contact this lead",
    );
    expect(suggestNextStep(facts({ ...withReply, statusCategory: "won" })).action).toMatch(
      /onboarding/,
    );
    expect(suggestNextStep(facts({ ...withReply, statusCategory: "lost" })).dueInDays).toBe(90);
  });

  it("follows up on our own outreach: wait a few days, then call after three unanswered emails", () => {
    expect(suggestNextStep(facts({ messages: [sent(1)] }))).toMatchObject({
      action: "Follow up on your last message",
      dueInDays: 2,
    });
    expect(
      suggestNextStep(
        facts({ messages: [sent(9), sent(6), sent(3)], lead: { phone: "+4681234567" } }),
      ).action,
    ).toBe("Call them");
    expect(suggestNextStep(facts({ messages: [sent(9), sent(6), sent(3)] })).action).toMatch(
      /another channel/,
    );
  });
});
