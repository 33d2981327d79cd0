import { and, asc, desc, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { approvalRules, conversationMessages, type ApprovalTrigger } from "@/db/schema";

export type ApprovalRuleRow = typeof approvalRules.$inferSelect;

/** What the policy looks at for one outgoing message. */
export interface ApprovalFacts {
  campaignId: string | null;
  aiDrafted: boolean;
  /** Nothing was sent to this lead before. */
  firstMessage: boolean;
  /** The lead's latest reply was classified interested or meeting_request. */
  positiveReply: boolean;
}

export interface RuleVerdict {
  ruleId: string;
  name: string;
  matched: boolean;
  why: string;
}

export interface ApprovalMatch {
  rule: ApprovalRuleRow | null;
  /** Why the chosen rule holds the message, or why none does. */
  reason: string;
  /** Every rule in the order they were considered, with its own verdict. */
  evaluated: RuleVerdict[];
}

const POSITIVE_CATEGORIES = new Set(["interested", "meeting_request"]);

function triggerVerdict(trigger: ApprovalTrigger, facts: ApprovalFacts): [boolean, string] {
  switch (trigger) {
    case "all_messages":
      return [true, "holds every message"];
    case "ai_drafted":
      return facts.aiDrafted
        ? [true, "the message was drafted by AI"]
        : [false, "the message was not drafted by AI"];
    case "first_message":
      return facts.firstMessage
        ? [true, "it is the first message to this lead"]
        : [false, "the lead was written to before"];
    case "positive_reply":
      return facts.positiveReply
        ? [true, "the lead's latest reply was positive (interested or meeting request)"]
        : [false, "the lead's latest reply was not positive"];
  }
}

/** What the database says about a lead: was it written to, was its latest reply positive. */
export async function leadApprovalFacts(
  db: Queryable,
  orgId: string,
  leadId: string,
): Promise<Pick<ApprovalFacts, "firstMessage" | "positiveReply">> {
  const lead = and(
    eq(conversationMessages.organizationId, orgId),
    eq(conversationMessages.leadId, leadId),
  );
  const [outbound] = await db
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(and(lead, eq(conversationMessages.direction, "outbound")))
    .limit(1);
  const [reply] = await db
    .select({ classification: conversationMessages.classification })
    .from(conversationMessages)
    .where(and(lead, eq(conversationMessages.direction, "inbound")))
    .orderBy(desc(conversationMessages.occurredAt))
    .limit(1);
  const category = reply?.classification?.category;
  return {
    firstMessage: !outbound,
    positiveReply: typeof category === "string" && POSITIVE_CATEGORIES.has(category),
  };
}

/** The rules that may hold a message of this campaign (or a one-off one): its own and the org's. */
const ruleScope = (campaignId: string | null | undefined) =>
  campaignId
    ? or(isNull(approvalRules.campaignId), eq(approvalRules.campaignId, campaignId))
    : isNull(approvalRules.campaignId);

/**
 * Whether any enabled rule could hold a message of this campaign: one indexed read, so a send in
 * an organization without approval rules skips gathering the lead's facts.
 */
export async function anyEnabledRule(
  db: Queryable,
  orgId: string,
  campaignId: string | null,
): Promise<boolean> {
  const [rule] = await db
    .select({ id: approvalRules.id })
    .from(approvalRules)
    .where(
      and(
        eq(approvalRules.organizationId, orgId),
        eq(approvalRules.enabled, true),
        ruleScope(campaignId),
      ),
    )
    .limit(1);
  return Boolean(rule);
}

/**
 * The rule that holds a message: rules scoped to the message's campaign first, then the
 * organization's, each by priority (lower first, older first on ties); the first enabled one
 * whose trigger applies wins. Disabled rules are listed as such but never match.
 */
export async function matchApprovalRule(
  db: Queryable,
  orgId: string,
  facts: ApprovalFacts,
): Promise<ApprovalMatch> {
  const scope = ruleScope(facts.campaignId);
  const rules = await db
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.organizationId, orgId), scope))
    .orderBy(asc(approvalRules.priority), asc(approvalRules.createdAt), asc(approvalRules.id));
  const ordered = [
    ...rules.filter((r) => r.campaignId !== null),
    ...rules.filter((r) => r.campaignId === null),
  ];
  const evaluated: RuleVerdict[] = [];
  let chosen: ApprovalRuleRow | null = null;
  let reason = "No enabled rule applies: the message is sent without approval.";
  for (const rule of ordered) {
    if (chosen) {
      evaluated.push({
        ruleId: rule.id,
        name: rule.name,
        matched: false,
        why: "not considered: an earlier rule matched",
      });
      continue;
    }
    if (!rule.enabled) {
      evaluated.push({ ruleId: rule.id, name: rule.name, matched: false, why: "disabled" });
      continue;
    }
    const [matched, why] = triggerVerdict(rule.trigger, facts);
    evaluated.push({ ruleId: rule.id, name: rule.name, matched, why });
    if (matched) {
      chosen = rule;
      reason = `${rule.name}: ${why}${rule.campaignId ? " (campaign rule)" : ""}`;
    }
  }
  return { rule: chosen, reason, evaluated };
}
