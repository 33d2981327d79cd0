import type {
  AutoResponderActions,
  AutoResponderConditions,
  LeadFieldCondition,
} from "@/db/schema";

/** What a rule is matched against: the reply's verdict and words, where it came from, its lead. */
export interface ReplyFacts {
  category: string;
  confidence: number;
  /** The reply's own words (quoted history removed). */
  text: string;
  campaignId: string | null;
  /** Lead fields by name (custom ones under `customFields`); null when no lead is known. */
  lead: (Record<string, unknown> & { customFields?: Record<string, unknown> | null }) | null;
}

export interface MatchableRule {
  id: string;
  name: string;
  enabled: boolean;
  priority: number;
  conditions: AutoResponderConditions;
  actions: AutoResponderActions;
  stopProcessing: boolean;
  oncePerLead: boolean;
}

export interface ConditionCheck {
  condition: "category" | "confidence" | "campaign" | "keywords" | "lead_field";
  passed: boolean;
  detail: string;
}

export type SkipReason = "disabled" | "stopped" | "once_per_lead";

export interface RuleEvaluation<R extends MatchableRule = MatchableRule> {
  rule: R;
  /** Every condition holds. */
  matched: boolean;
  /** Why the rule won't act although it may match (null: it acts when matched). */
  skipped: SkipReason | null;
  /** Matched and not skipped: its actions run. */
  acts: boolean;
  checks: ConditionCheck[];
}

const WORD = /[\p{L}\p{N}]/u;

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A keyword found as a whole word or phrase, case-insensitive ("price" is not in "priceless"); a
 * keyword starting or ending with punctuation is matched as written at that end.
 */
export function keywordFound(text: string, keyword: string): boolean {
  const needle = keyword.trim().toLocaleLowerCase();
  if (!needle) return false;
  const before = WORD.test(needle[0]!) ? "(?<![\\p{L}\\p{N}])" : "";
  const after = WORD.test(needle.at(-1)!) ? "(?![\\p{L}\\p{N}])" : "";
  return new RegExp(`${before}${escapeRegExp(needle)}${after}`, "u").test(text.toLocaleLowerCase());
}

function leadFieldValue(lead: NonNullable<ReplyFacts["lead"]>, field: string): unknown {
  if (field.startsWith("custom.")) return lead.customFields?.[field.slice("custom.".length)];
  return lead[field];
}

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === "string" && v.trim() === "") ||
  (Array.isArray(v) && v.length === 0);

const norm = (v: unknown) => String(v).trim().toLocaleLowerCase();

function asNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function equals(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((a) => equals(a, expected));
  if (isEmpty(actual)) return false;
  const a = asNumber(actual);
  const e = asNumber(expected);
  if (a !== null && e !== null) return a === e;
  return norm(actual) === norm(expected);
}

/** One lead-field test; a missing value fails every op except `neq` and `empty`. */
export function leadConditionHolds(actual: unknown, condition: LeadFieldCondition): boolean {
  const { op, value } = condition;
  switch (op) {
    case "empty":
      return isEmpty(actual);
    case "eq":
      return equals(actual, value);
    case "neq":
      return !equals(actual, value);
    case "contains": {
      const needle = norm(value);
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((v) => !isEmpty(v) && norm(v).includes(needle));
    }
    case "in": {
      const options = Array.isArray(value) ? value : [value];
      return options.some((o) => equals(actual, o));
    }
    case "gt":
    case "lt": {
      const a = asNumber(actual);
      const e = asNumber(value);
      if (a === null || e === null) return false;
      return op === "gt" ? a > e : a < e;
    }
  }
}

function describeValue(value: LeadFieldCondition["value"]) {
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

/** Every condition of one rule against one reply, each with a reason a person can read. */
export function checkConditions(
  conditions: AutoResponderConditions,
  facts: ReplyFacts,
): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (conditions.categories.length) {
    const passed = conditions.categories.includes(facts.category);
    checks.push({
      condition: "category",
      passed,
      detail: `category ${facts.category} ${passed ? "is" : "is not"} one of ${conditions.categories.join(", ")}`,
    });
  }
  if (conditions.minConfidence !== null && conditions.minConfidence !== undefined) {
    const passed = facts.confidence >= conditions.minConfidence;
    checks.push({
      condition: "confidence",
      passed,
      detail: `confidence ${facts.confidence.toFixed(2)} ${passed ? "≥" : "<"} ${conditions.minConfidence}`,
    });
  }
  if (conditions.campaignIds.length) {
    const passed = facts.campaignId !== null && conditions.campaignIds.includes(facts.campaignId);
    checks.push({
      condition: "campaign",
      passed,
      detail: facts.campaignId
        ? `the reply's campaign ${passed ? "is" : "is not"} one of the rule's`
        : "the reply belongs to no campaign",
    });
  }
  if (conditions.keywords.length) {
    const found = conditions.keywords.filter((k) => keywordFound(facts.text, k));
    checks.push({
      condition: "keywords",
      passed: found.length > 0,
      detail: found.length
        ? `found ${found.map((k) => `“${k}”`).join(", ")}`
        : `none of ${conditions.keywords.map((k) => `“${k}”`).join(", ")} in the reply`,
    });
  }
  for (const condition of conditions.leadFields) {
    const label = `${condition.field} ${condition.op} ${describeValue(condition.value)}`.trim();
    if (!facts.lead) {
      checks.push({ condition: "lead_field", passed: false, detail: `${label}: no lead to test` });
      continue;
    }
    const actual = leadFieldValue(facts.lead, condition.field);
    const passed = leadConditionHolds(actual, condition);
    const shown = isEmpty(actual) ? "empty" : describeValue(actual as LeadFieldCondition["value"]);
    checks.push({
      condition: "lead_field",
      passed,
      detail: `${label}: ${passed ? "holds" : "fails"} (lead has ${shown})`,
    });
  }
  return checks;
}

/**
 * The rules in the order they are tried (priority, then age) and which of them act on a reply:
 * disabled rules never act, a rule already used for this lead is skipped when it acts once per
 * lead, and after an acting rule that stops processing the rest are skipped.
 */
export function evaluateRules<R extends MatchableRule>(
  rules: R[],
  facts: ReplyFacts,
  options: { usedForLead?: ReadonlySet<string> } = {},
): RuleEvaluation<R>[] {
  let stopped = false;
  return [...rules]
    .sort((a, b) => a.priority - b.priority)
    .map((rule) => {
      const checks = checkConditions(rule.conditions, facts);
      const matched = checks.every((c) => c.passed);
      let skipped: SkipReason | null = null;
      if (!rule.enabled) skipped = "disabled";
      else if (stopped) skipped = "stopped";
      else if (rule.oncePerLead && options.usedForLead?.has(rule.id)) skipped = "once_per_lead";
      const acts = matched && skipped === null;
      if (acts && rule.stopProcessing) stopped = true;
      return { rule, matched, skipped, acts, checks };
    });
}

/** The action types a rule would take, in the order they run. */
export function plannedActions(actions: AutoResponderActions) {
  const planned: ("set_status" | "set_owner" | "add_tags" | "notify" | "send_template")[] = [];
  if (actions.setStatus) planned.push("set_status");
  if (actions.setOwnerId) planned.push("set_owner");
  if (actions.addTags.length) planned.push("add_tags");
  if (actions.notify.owner || actions.notify.admins || actions.notify.userIds.length)
    planned.push("notify");
  if (actions.sendTemplateId) planned.push("send_template");
  return planned;
}
