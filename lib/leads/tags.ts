import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { recordActivity } from "./activity";
import { getLeadOrThrow, toLeadDetail } from "./get-lead";
import { normalizeTags } from "./normalize";

export const addTagsInput = z
  .strictObject({ tags: z.array(z.string().trim().min(1).max(50)).min(1).max(50) })
  .meta({ id: "AddTags" });

/** Add tags (normalised; ones already there are left alone), noted on the timeline. */
export async function addTags(ctx: Ctx, leadId: string, tags: string[]) {
  assertCan(ctx, "leads:write");
  const lead = await getLeadOrThrow(ctx, leadId);
  const added = normalizeTags(tags).filter((t) => !lead.tags.includes(t));
  if (added.length) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(leads)
        .set({ tags: [...lead.tags, ...added].slice(0, 100), updatedById: ctx.actor.id })
        .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
      await recordActivity(tx, ctx, leadId, "tags_added", { tags: added });
    });
  }
  return toLeadDetail(ctx.db, await getLeadOrThrow(ctx, leadId));
}

export async function removeTag(ctx: Ctx, leadId: string, tag: string) {
  assertCan(ctx, "leads:write");
  const lead = await getLeadOrThrow(ctx, leadId);
  const [normalized] = normalizeTags([tag]);
  if (normalized && lead.tags.includes(normalized)) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(leads)
        .set({ tags: sql`array_remove(${leads.tags}, ${normalized})`, updatedById: ctx.actor.id })
        .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
      await recordActivity(tx, ctx, leadId, "tags_removed", { tags: [normalized] });
    });
  }
}
