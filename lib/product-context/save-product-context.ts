import type { Queryable } from "@/db/client";
import { productContexts } from "@/db/schema";
import { withoutNul } from "@/lib/conversations/without-nul";
import type { ProductContextFields } from "./format-product-context";

/** Stores the organization's whole context (one row per organization, created on first save). */
export async function saveProductContext(
  db: Queryable,
  organizationId: string,
  fields: ProductContextFields,
  updatedBy: string | null,
  at = new Date(),
) {
  // PostgreSQL text and JSON can't hold NUL characters: dropped rather than failing the write.
  const values = { ...withoutNul(fields), updatedBy, updatedAt: at };
  await db
    .insert(productContexts)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: productContexts.organizationId, set: values });
}
