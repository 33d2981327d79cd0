import type { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context";
import { withoutNul } from "@/lib/conversations/without-nul";
import { getProductContext } from "./get-product-context";
import { lockProductContext } from "./lock-product-context";
import type { updateProductContextInput } from "./product-context-schemas";
import { saveProductContext } from "./save-product-context";

/**
 * PUT /product-context: an admin or manager sets fields directly (the fields given replace
 * their stored values, lists included — this is how items are removed). Audited.
 */
export async function updateProductContext(
  ctx: Ctx,
  input: z.infer<typeof updateProductContextInput>,
) {
  assertCan(ctx, "product_context:write");
  // PostgreSQL text and JSON (the context, its audit entry) can't hold NUL characters.
  input = withoutNul(input);
  await ctx.db.transaction(async (tx) => {
    const { updatedAt: _at, updatedBy: _by, ...current } = await lockProductContext(tx, ctx.orgId);
    const changes = diffChanges(current, input);
    if (Object.keys(changes).length === 0) return;
    await saveProductContext(tx, ctx.orgId, { ...current, ...input }, ctx.actor.userId);
    await recordAudit(tx, ctx, {
      action: "product_context.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes,
    });
  });
  return getProductContext(ctx);
}
