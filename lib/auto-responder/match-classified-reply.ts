import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  autoResponderRules,
  autoResponderRuns,
  conversationMessages,
  leads,
  type AutoResponderActionType,
} from "@/db/schema";
import { storedClassification } from "@/lib/ai/classify-message";
import { SYSTEM_ACTOR } from "@/lib/context";
import { recordActivity } from "@/lib/leads/activity";
import { evaluateRules, plannedActions } from "./match-rules";

/** Only a verdict a person or a confident classifier stands behind may trigger rules. */
const ACTIONABLE_STATES = ["applied", "corrected"];

export interface MatchedRuleRun {
  runId: string;
  ruleId: string;
  ruleName: string;
  actions: AutoResponderActionType[];
  sendDelayMinutes: number;
}

export interface ReplyMatch {
  leadId: string;
  messageId: string;
  category: string;
  /** When the rules were matched (ISO): delayed sends count from here. */
  matchedAt: string;
  runs: MatchedRuleRun[];
}

/**
 * Which of the organization's rules act on a classified reply, each claimed by a run row (one per
 * rule and message) in one transaction: a retried job finds its runs again instead of counting a
 * second match, and a correction to another category adds the runs its rules call for. Null when
 * the message is no lead's inbound reply, or its verdict waits for review.
 */
export async function matchClassifiedReply(
  db: Database,
  input: { organizationId: string; messageId: string },
): Promise<ReplyMatch | null> {
  const { organizationId, messageId } = input;
  const [message] = await db
    .select()
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, organizationId),
        eq(conversationMessages.id, messageId),
        eq(conversationMessages.direction, "inbound"),
      ),
    )
    .limit(1);
  const classification = message ? storedClassification(message) : null;
  if (
    !message?.leadId ||
    !classification ||
    !ACTIONABLE_STATES.includes(message.classificationState ?? "")
  )
    return null;
  const [lead] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.organizationId, organizationId), eq(leads.id, message.leadId)))
    .limit(1);
  if (!lead || lead.deletedAt) return null;

  return db.transaction(async (tx) => {
    const rules = await tx
      .select()
      .from(autoResponderRules)
      .where(
        and(
          eq(autoResponderRules.organizationId, organizationId),
          eq(autoResponderRules.enabled, true),
        ),
      )
      .orderBy(asc(autoResponderRules.priority), asc(autoResponderRules.createdAt));
    if (!rules.length) {
      return {
        leadId: lead.id,
        messageId,
        category: classification.category,
        matchedAt: new Date().toISOString(),
        runs: [],
      };
    }
    const earlier = await tx
      .select({ ruleId: autoResponderRuns.ruleId })
      .from(autoResponderRuns)
      .where(
        and(
          eq(autoResponderRuns.organizationId, organizationId),
          eq(autoResponderRuns.leadId, lead.id),
          ne(autoResponderRuns.messageId, messageId),
          inArray(
            autoResponderRuns.ruleId,
            rules.map((r) => r.id),
          ),
        ),
      );
    const evaluations = evaluateRules(
      rules,
      {
        category: classification.category,
        confidence: classification.confidence,
        text: message.body || message.fullText || "",
        campaignId: message.campaignId,
        lead,
      },
      { usedForLead: new Set(earlier.map((r) => r.ruleId!)) },
    );
    const now = new Date();
    const runs: MatchedRuleRun[] = [];
    for (const { rule, acts } of evaluations) {
      if (!acts) continue;
      const [inserted] = await tx
        .insert(autoResponderRuns)
        .values({
          organizationId,
          ruleId: rule.id,
          ruleName: rule.name,
          messageId,
          leadId: lead.id,
          category: classification.category,
          confidence: classification.confidence,
        })
        .onConflictDoNothing()
        .returning({ id: autoResponderRuns.id });
      let runId = inserted?.id;
      if (inserted) {
        await tx
          .update(autoResponderRules)
          .set({ matchCount: sql`${autoResponderRules.matchCount} + 1`, lastMatchedAt: now })
          .where(eq(autoResponderRules.id, rule.id));
        await recordActivity(
          tx,
          { orgId: organizationId, actor: SYSTEM_ACTOR },
          lead.id,
          "auto_responder_matched",
          { ruleId: rule.id, ruleName: rule.name, messageId, category: classification.category },
        );
      } else {
        const [existing] = await tx
          .select({ id: autoResponderRuns.id })
          .from(autoResponderRuns)
          .where(
            and(
              eq(autoResponderRuns.organizationId, organizationId),
              eq(autoResponderRuns.ruleId, rule.id),
              eq(autoResponderRuns.messageId, messageId),
            ),
          );
        runId = existing!.id;
      }
      runs.push({
        runId: runId!,
        ruleId: rule.id,
        ruleName: rule.name,
        actions: plannedActions(rule.actions),
        sendDelayMinutes: rule.actions.sendDelayMinutes,
      });
    }
    return {
      leadId: lead.id,
      messageId,
      category: classification.category,
      matchedAt: now.toISOString(),
      runs,
    };
  });
}
