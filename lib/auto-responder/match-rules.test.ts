import { describe, expect, it } from "vitest";
import {
  evaluateRules,
  keywordFound,
  leadConditionHolds,
  plannedActions,
  type MatchableRule,
  type ReplyFacts,
} from "./match-rules";

const noActions = {
  sendTemplateId: null,
  sendDelayMinutes: 0,
  notify: { owner: false, admins: false, userIds: [] },
  setStatus: null,
  setOwnerId: null,
  addTags: [],
};
const anyReply = {
  categories: [],
  campaignIds: [],
  keywords: [],
  leadFields: [],
  minConfidence: null,
};

function rule(id: string, patch: Partial<MatchableRule> = {}): MatchableRule {
  return {
    id,
    name: id,
    enabled: true,
    priority: 10,
    conditions: anyReply,
    actions: noActions,
    stopProcessing: false,
    oncePerLead: false,
    ...patch,
  };
}

const facts: ReplyFacts = {
  category: "interested",
  confidence: 0.9,
  text: "Sounds good — what's the PRICE for 20 seats? Café owners love it.",
  campaignId: "c1",
  lead: {
    company: "Acme GmbH",
    status: "new",
    score: 42,
    tags: ["vip", "berlin"],
    industry: null,
    customFields: { seats: "20", plan: "Pro" },
  },
};

describe("keywordFound", () => {
  it("matches whole words case-insensitively, phrases too, and Unicode letters", () => {
    expect(keywordFound(facts.text, "price")).toBe(true);
    expect(keywordFound(facts.text, "20 seats")).toBe(true);
    expect(keywordFound(facts.text, "café")).toBe(true);
    expect(keywordFound("priceless advice", "price")).toBe(false);
    expect(keywordFound("it costs $5", "$5")).toBe(true);
    expect(keywordFound("anything", "   ")).toBe(false);
  });
});

describe("leadConditionHolds", () => {
  it("compares text case-insensitively and numbers numerically", () => {
    expect(
      leadConditionHolds("Acme GmbH", { field: "company", op: "eq", value: "acme gmbh" }),
    ).toBe(true);
    expect(leadConditionHolds("20", { field: "custom.seats", op: "eq", value: 20 })).toBe(true);
    expect(leadConditionHolds(42, { field: "score", op: "gt", value: 40 })).toBe(true);
    expect(leadConditionHolds(42, { field: "score", op: "lt", value: "40" })).toBe(false);
    expect(leadConditionHolds(null, { field: "score", op: "gt", value: 0 })).toBe(false);
    expect(leadConditionHolds("n/a", { field: "score", op: "gt", value: 0 })).toBe(false);
  });

  it("contains, in, neq and empty — arrays (tags) match on any element", () => {
    expect(
      leadConditionHolds("Acme GmbH", { field: "company", op: "contains", value: "GMBH" }),
    ).toBe(true);
    expect(leadConditionHolds(["vip", "berlin"], { field: "tags", op: "eq", value: "VIP" })).toBe(
      true,
    );
    expect(leadConditionHolds(["vip"], { field: "tags", op: "in", value: ["x", "vip"] })).toBe(
      true,
    );
    expect(leadConditionHolds("new", { field: "status", op: "in", value: ["won", "lost"] })).toBe(
      false,
    );
    expect(leadConditionHolds("new", { field: "status", op: "neq", value: "won" })).toBe(true);
    expect(leadConditionHolds(null, { field: "industry", op: "neq", value: "saas" })).toBe(true);
    expect(leadConditionHolds(null, { field: "industry", op: "eq", value: "saas" })).toBe(false);
    expect(leadConditionHolds("  ", { field: "industry", op: "empty" })).toBe(true);
    expect(leadConditionHolds([], { field: "tags", op: "empty" })).toBe(true);
    expect(leadConditionHolds("x", { field: "industry", op: "empty" })).toBe(false);
  });
});

describe("evaluateRules", () => {
  it("a rule matches only when every condition holds, and says why", () => {
    const [hit, miss] = evaluateRules(
      [
        rule("hit", {
          conditions: {
            categories: ["interested", "question"],
            campaignIds: ["c1"],
            keywords: ["nope", "price"],
            leadFields: [
              { field: "custom.plan", op: "eq", value: "pro" },
              { field: "score", op: "gt", value: 10 },
            ],
            minConfidence: 0.8,
          },
        }),
        rule("miss", {
          priority: 20,
          conditions: { ...anyReply, categories: ["interested"], minConfidence: 0.95 },
        }),
      ],
      facts,
    );
    expect(hit).toMatchObject({ matched: true, acts: true, skipped: null });
    expect(hit!.checks.map((c) => c.condition)).toEqual([
      "category",
      "confidence",
      "campaign",
      "keywords",
      "lead_field",
      "lead_field",
    ]);
    expect(hit!.checks.find((c) => c.condition === "keywords")!.detail).toContain("“price”");
    expect(miss).toMatchObject({ matched: false, acts: false });
    expect(miss!.checks.find((c) => !c.passed)!.detail).toBe("confidence 0.90 < 0.95");
  });

  it("no lead: lead-field conditions fail; no campaign: campaign conditions fail", () => {
    const [r] = evaluateRules(
      [
        rule("r", {
          conditions: {
            ...anyReply,
            campaignIds: ["c1"],
            leadFields: [{ field: "status", op: "empty" }],
          },
        }),
      ],
      { ...facts, lead: null, campaignId: null },
    );
    expect(r!.matched).toBe(false);
    expect(r!.checks.map((c) => c.detail)).toEqual([
      "the reply belongs to no campaign",
      "status empty: no lead to test",
    ]);
  });

  it("tries rules by priority; disabled never act; stopProcessing skips the rest", () => {
    const results = evaluateRules(
      [
        rule("late", { priority: 30 }),
        rule("off", { priority: 5, enabled: false }),
        rule("stopper", { priority: 10, stopProcessing: true }),
        rule("first", { priority: 1 }),
      ],
      facts,
    );
    expect(results.map((r) => [r.rule.id, r.acts, r.skipped])).toEqual([
      ["first", true, null],
      ["off", false, "disabled"],
      ["stopper", true, null],
      ["late", false, "stopped"],
    ]);
  });

  it("a non-matching stopper doesn't stop; once-per-lead rules used before are skipped", () => {
    const results = evaluateRules(
      [
        rule("stopper", {
          priority: 1,
          stopProcessing: true,
          conditions: { ...anyReply, categories: ["bounce"] },
        }),
        rule("once", { priority: 2, oncePerLead: true }),
        rule("again", { priority: 3 }),
      ],
      facts,
      { usedForLead: new Set(["once"]) },
    );
    expect(results.map((r) => [r.rule.id, r.acts, r.skipped])).toEqual([
      ["stopper", false, null],
      ["once", false, "once_per_lead"],
      ["again", true, null],
    ]);
  });
});

describe("plannedActions", () => {
  it("lists the configured actions, the send last", () => {
    expect(plannedActions(noActions)).toEqual([]);
    expect(
      plannedActions({
        ...noActions,
        sendTemplateId: "t",
        notify: { owner: true, admins: false, userIds: [] },
        setStatus: "qualified",
        setOwnerId: "u",
        addTags: ["hot"],
      }),
    ).toEqual(["set_status", "set_owner", "add_tags", "notify", "send_template"]);
  });
});
