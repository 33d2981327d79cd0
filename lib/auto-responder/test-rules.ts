import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { autoResponderRules, autoResponderRuns, campaigns, users } from "@/db/schema";
import { REPLY_CATEGORIES, AI_MODES } from "@/lib/ai/reply-classification";
import { classifyText } from "@/lib/ai/reply-reviews";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import { findSuppression } from "@/lib/suppressions/suppressions";
import { evaluateRules, plannedActions, type ReplyFacts } from "./match-rules";
import { renderRuleTemplate } from "./render-rule-template";
import { toRuleDto } from "./rules";

export const testRulesInput = z
  .strictObject({
    text: z.string().trim().min(1).max(20_000).optional().meta({ description: "A sample reply" }),
    subject: z.string().max(1_000).optional(),
    category: z
      .enum(REPLY_CATEGORIES)
      .optional()
      .meta({ description: "Use this category instead of classifying the text" }),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: "With category; default 1" }),
    leadId: z
      .uuid()
      .optional()
      .meta({ description: "Test lead-field conditions against this lead" }),
    campaignId: z
      .uuid()
      .optional()
      .meta({ description: "As if the reply came from this campaign" }),
  })
  .refine((v) => v.text !== undefined || v.category !== undefined, {
    message: "Give a sample reply text, a category, or both",
    path: ["text"],
  })
  .meta({ id: "AutoResponderTestInput" });

const ACTION_TYPES = ["set_status", "set_owner", "add_tags", "notify", "send_template"] as const;

export const testRulesResultSchema = z
  .object({
    classification: z.object({
      category: z.enum(REPLY_CATEGORIES),
      confidence: z.number(),
      rationale: z.string(),
      mode: z.enum(AI_MODES).nullable().meta({ description: "null when the category was given" }),
      source: z.enum(["classified", "given"]),
    }),
    lead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    rules: z.array(
      z.object({
        rule: z.object({
          id: z.uuid(),
          name: z.string(),
          enabled: z.boolean(),
          priority: z.number().int(),
          stopProcessing: z.boolean(),
          oncePerLead: z.boolean(),
        }),
        matched: z.boolean(),
        acts: z.boolean(),
        skipped: z.enum(["disabled", "stopped", "once_per_lead"]).nullable(),
        checks: z.array(
          z.object({ condition: z.string(), passed: z.boolean(), detail: z.string() }),
        ),
        actions: z.array(
          z.object({
            type: z.enum(ACTION_TYPES),
            description: z.string(),
            wouldSkip: z.string().nullable(),
          }),
        ),
        rendered: z
          .object({
            templateId: z.uuid(),
            templateName: z.string(),
            subject: z.string(),
            html: z.string(),
            text: z.string(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: "AutoResponderTestResult" });
export type TestRulesResult = z.infer<typeof testRulesResultSchema>;

async function whyNoSend(ctx: Ctx, lead: LeadRow | null): Promise<string | null> {
  if (!lead) return null;
  if (lead.unsubscribed) return "The lead unsubscribed";
  if (lead.doNotContact) return "The lead is marked do not contact";
  if (!lead.email) return "The lead has no email address";
  if (await findSuppression(ctx.db, ctx.orgId, lead.email))
    return "The lead's address is on the suppression list";
  return null;
}

/**
 * POST /auto-responder/test: what the rules would do with a sample reply — the classification
 * used (the organization's model or offline, or the category given), each rule's conditions with
 * why they hold or not, the actions the acting rules would take and their template rendered for
 * the lead. Nothing is stored or sent.
 */
export async function testRules(
  ctx: Ctx,
  input: z.infer<typeof testRulesInput>,
): Promise<TestRulesResult> {
  assertCan(ctx, "auto_responder:read");
  const lead = input.leadId ? await getLeadOrThrow(ctx, input.leadId) : null;
  if (input.campaignId) {
    const [campaign] = await ctx.db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, input.campaignId)));
    if (!campaign) throw notFound("Campaign");
  }
  const classified = input.category
    ? null
    : await classifyText(ctx, { text: input.text!, subject: input.subject });
  const classification: TestRulesResult["classification"] = classified
    ? { ...classified, source: "classified" }
    : {
        category: input.category!,
        confidence: input.confidence ?? 1,
        rationale: "Given in the test",
        mode: null,
        source: "given",
      };

  const rules = await ctx.db
    .select()
    .from(autoResponderRules)
    .where(eq(autoResponderRules.organizationId, ctx.orgId))
    .orderBy(asc(autoResponderRules.priority), asc(autoResponderRules.createdAt));
  const used = lead
    ? await ctx.db
        .selectDistinct({ ruleId: autoResponderRuns.ruleId })
        .from(autoResponderRuns)
        .where(
          and(
            eq(autoResponderRuns.organizationId, ctx.orgId),
            eq(autoResponderRuns.leadId, lead.id),
          ),
        )
    : [];
  const facts: ReplyFacts = {
    category: classification.category,
    confidence: classification.confidence,
    text: input.text ?? "",
    campaignId: input.campaignId ?? null,
    lead,
  };
  const evaluations = evaluateRules(rules, facts, {
    usedForLead: new Set(used.map((u) => u.ruleId!)),
  });

  const ownerIds = rules.flatMap((r) => (r.actions.setOwnerId ? [r.actions.setOwnerId] : []));
  const names = ownerIds.length
    ? new Map(
        (
          await ctx.db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, ownerIds))
        ).map((u) => [u.id, u.name]),
      )
    : new Map<string, string>();
  const noSend = await whyNoSend(ctx, lead);

  const results: TestRulesResult["rules"] = [];
  for (const evaluation of evaluations) {
    const { rule } = evaluation;
    const dto = toRuleDto(rule);
    const { actions } = dto;
    const rendered =
      evaluation.acts && actions.sendTemplateId
        ? await renderRuleTemplate(ctx.db, {
            organizationId: ctx.orgId,
            templateId: actions.sendTemplateId,
            lead,
          })
        : null;
    const describe = (type: (typeof ACTION_TYPES)[number]) => {
      switch (type) {
        case "set_status":
          return {
            description: `Set the status to ${actions.setStatus}`,
            wouldSkip: lead?.status === actions.setStatus ? "The lead already has it" : null,
          };
        case "set_owner":
          return {
            description: `Assign the lead to ${names.get(actions.setOwnerId!) ?? "a former member"}`,
            wouldSkip: lead?.ownerId === actions.setOwnerId ? "Already the owner" : null,
          };
        case "add_tags":
          return { description: `Add the tags ${actions.addTags.join(", ")}`, wouldSkip: null };
        case "notify": {
          const who = [
            actions.notify.owner ? "the lead's owner" : null,
            actions.notify.admins ? "the admins" : null,
            actions.notify.userIds.length ? `${actions.notify.userIds.length} chosen people` : null,
          ].filter(Boolean);
          return { description: `Notify ${who.join(", ")}`, wouldSkip: null };
        }
        case "send_template": {
          const delay = actions.sendDelayMinutes
            ? ` after ${actions.sendDelayMinutes} minutes`
            : "";
          return {
            description: `Send “${rendered?.templateName ?? "a deleted template"}”${delay} (held for approval when the policy says so)`,
            wouldSkip: rendered ? noSend : "The template no longer exists",
          };
        }
      }
    };
    results.push({
      rule: {
        id: rule.id,
        name: rule.name,
        enabled: rule.enabled,
        priority: rule.priority,
        stopProcessing: rule.stopProcessing,
        oncePerLead: rule.oncePerLead,
      },
      matched: evaluation.matched,
      acts: evaluation.acts,
      skipped: evaluation.skipped,
      checks: evaluation.checks,
      actions: plannedActions(rule.actions).map((type) => ({ type, ...describe(type) })),
      rendered: rendered
        ? {
            templateId: rendered.templateId,
            templateName: rendered.templateName,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
          }
        : null,
    });
  }
  return {
    classification,
    lead: lead ? { id: lead.id, name: lead.displayName } : null,
    rules: results,
  };
}
