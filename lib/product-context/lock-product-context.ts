import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { productContexts } from "@/db/schema";
import type { StoredProductContext } from "./read-product-context";

/**
 * The organization's context row, created if missing and locked for the rest of the
 * transaction: two chat turns or edits at once then apply one after the other instead of the
 * second overwriting what the first added.
 */
export async function lockProductContext(
  tx: Queryable,
  organizationId: string,
): Promise<StoredProductContext> {
  await tx.insert(productContexts).values({ organizationId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(productContexts)
    .where(eq(productContexts.organizationId, organizationId))
    .for("update");
  return {
    productName: row!.productName,
    description: row!.description,
    valuePropositions: row!.valuePropositions,
    targetIndustries: row!.targetIndustries,
    personas: row!.personas,
    objections: row!.objections,
    pricingNotes: row!.pricingNotes,
    competitors: row!.competitors,
    updatedAt: row!.updatedAt,
    updatedBy: row!.updatedBy,
  };
}
