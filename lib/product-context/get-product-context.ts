import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { resolveOrgModel } from "@/lib/ai/org-model";
import { openingQuestion } from "./interview-offline";
import { measureCompleteness, overallCompleteness } from "./measure-completeness";
import type { ProductContextDto } from "./product-context-schemas";
import { readProductContext, type StoredProductContext } from "./read-product-context";

/** The context as the API returns it: fields, completeness per section, and the chat's mode. */
export function toProductContextDto(
  stored: StoredProductContext,
  mode: "llm" | "offline",
): ProductContextDto {
  const sections = measureCompleteness(stored);
  return {
    productName: stored.productName,
    description: stored.description,
    valuePropositions: stored.valuePropositions,
    targetIndustries: stored.targetIndustries,
    personas: stored.personas,
    objections: stored.objections,
    pricingNotes: stored.pricingNotes,
    competitors: stored.competitors,
    completeness: { overall: overallCompleteness(sections), sections },
    mode,
    nextQuestion: openingQuestion(stored)?.question ?? null,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    updatedBy: stored.updatedBy,
  };
}

/** GET /product-context: what the organization sells and to whom, and how complete that is. */
export async function getProductContext(ctx: Ctx): Promise<ProductContextDto> {
  assertCan(ctx, "product_context:read");
  const [stored, model] = await Promise.all([
    readProductContext(ctx),
    resolveOrgModel(ctx.db, ctx.orgId),
  ]);
  return toProductContextDto(stored, model.mode);
}
