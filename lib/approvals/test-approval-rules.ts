import type { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { toRuleDto } from "./approval-rules";
import type { testRuleInput, testRuleResult } from "./approval-schemas";
import { leadApprovalFacts, matchApprovalRule } from "./match-approval-rule";

/**
 * POST /approvals/rules/test: which rule would hold a message like this, and why each rule did
 * or didn't. Facts not given are read from the lead, when one is named; otherwise false.
 */
export async function testApprovalRules(
  ctx: Ctx,
  input: z.infer<typeof testRuleInput>,
): Promise<z.infer<typeof testRuleResult>> {
  assertCan(ctx, "approvals:read");
  let fromLead = { firstMessage: false, positiveReply: false };
  if (input.leadId) {
    const lead = await getLeadOrThrow(ctx, input.leadId);
    fromLead = await leadApprovalFacts(ctx.db, ctx.orgId, lead.id);
  }
  const facts = {
    campaignId: input.campaignId,
    aiDrafted: input.aiDrafted,
    firstMessage: input.firstMessage ?? fromLead.firstMessage,
    positiveReply: input.positiveReply ?? fromLead.positiveReply,
  };
  const match = await matchApprovalRule(ctx.db, ctx.orgId, facts);
  return {
    held: match.rule !== null,
    rule: match.rule ? toRuleDto(match.rule) : null,
    reason: match.reason,
    facts,
    evaluated: match.evaluated,
  };
}
