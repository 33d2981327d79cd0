import { and, desc, eq } from "drizzle-orm";
import { leadAnalyses } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { productContextForPrompt } from "@/lib/product-context/prompt-context";
import {
  ANALYZE_LEAD_SYSTEM_PROMPT,
  analyzeLeadPrompt,
  modelAnalysisSchema,
  toVerdict,
} from "./analysis-prompt";
import type { LeadAnalysisDto } from "./analysis-schemas";
import { gatherLeadFacts } from "./gather-lead-facts";
import { analyzeLeadOffline } from "./offline/analyze-lead-offline";
import { runLlmOrOffline, type AiRunOptions } from "./run-llm-or-offline";

type AnalysisRow = typeof leadAnalyses.$inferSelect;

function toDto(row: AnalysisRow): LeadAnalysisDto {
  return {
    id: row.id,
    leadId: row.leadId,
    summary: row.summary,
    buyingSignals: row.buyingSignals,
    risks: row.risks,
    nextStep: { ...row.nextStep, dueInDays: row.nextStep.dueInDays ?? null },
    fitScore: row.fitScore,
    intentScore: row.intentScore,
    mode: row.mode,
    model: row.model,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Analyses a lead the caller may see, now: its fields, score, timeline and conversation (with
 * each reply's classification) and the organization's product context go to the model; without
 * one, or when it fails, the offline rules write the analysis. Each run is stored as a new row
 * (the history stays) and returned.
 */
export async function analyzeLead(
  ctx: Ctx,
  leadId: string,
  options: AiRunOptions & { now?: Date } = {},
): Promise<LeadAnalysisDto> {
  assertCan(ctx, "leads:write");
  const facts = await gatherLeadFacts(ctx, leadId, options.now);
  const run = await runLlmOrOffline(
    ctx,
    {
      purpose: "lead_analysis",
      schema: modelAnalysisSchema,
      name: "lead_analysis",
      description: "A summary of a sales lead, its buying signals, risks and the next step",
      system: ANALYZE_LEAD_SYSTEM_PROMPT,
      prompt: async () => analyzeLeadPrompt(facts, await productContextForPrompt(ctx)),
      accept: toVerdict,
      offline: () => analyzeLeadOffline(facts),
    },
    options,
  );
  const [row] = await ctx.db
    .insert(leadAnalyses)
    .values({
      organizationId: ctx.orgId,
      leadId,
      ...run.result,
      mode: run.mode,
      model: run.model,
      createdBy: ctx.actor.userId,
    })
    .returning();
  return toDto(row!);
}

/** The lead's latest analysis; 404 for a lead the caller can't see, or one never analysed. */
export async function getLatestLeadAnalysis(ctx: Ctx, leadId: string): Promise<LeadAnalysisDto> {
  await getLeadOrThrow(ctx, leadId);
  const [row] = await ctx.db
    .select()
    .from(leadAnalyses)
    .where(and(eq(leadAnalyses.organizationId, ctx.orgId), eq(leadAnalyses.leadId, leadId)))
    .orderBy(desc(leadAnalyses.createdAt), desc(leadAnalyses.id))
    .limit(1);
  if (!row) {
    throw new AppError(
      "not_found",
      "This lead has not been analysed yet: POST /api/v1/leads/{id}/analyze runs an analysis",
    );
  }
  return toDto(row);
}
