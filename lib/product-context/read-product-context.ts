import { eq } from "drizzle-orm";
import { productContexts } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { ProductContextFields } from "./format-product-context";

export interface StoredProductContext extends ProductContextFields {
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** An organization that never described its product has an empty context, not a missing one. */
export const EMPTY_PRODUCT_CONTEXT: StoredProductContext = {
  productName: null,
  description: null,
  valuePropositions: [],
  targetIndustries: [],
  personas: [],
  objections: [],
  pricingNotes: null,
  competitors: [],
  updatedAt: null,
  updatedBy: null,
};

/** The organization's product context (empty when none has been stored yet). */
export async function readProductContext(
  ctx: Pick<Ctx, "db" | "orgId">,
): Promise<StoredProductContext> {
  const [row] = await ctx.db
    .select()
    .from(productContexts)
    .where(eq(productContexts.organizationId, ctx.orgId))
    .limit(1);
  if (!row) return { ...EMPTY_PRODUCT_CONTEXT };
  return {
    productName: row.productName,
    description: row.description,
    valuePropositions: row.valuePropositions,
    targetIndustries: row.targetIndustries,
    personas: row.personas,
    objections: row.objections,
    pricingNotes: row.pricingNotes,
    competitors: row.competitors,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
