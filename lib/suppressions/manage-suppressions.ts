import { and, eq, ilike } from "drizzle-orm";
import type { z } from "zod";
import { emailSuppressions, leads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { stopLeadSequences } from "@/lib/campaigns/stop-sequences";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { listRows } from "@/lib/http/list-rows";
import { containsPattern } from "@/lib/http/query";
import { recordActivity } from "@/lib/leads/activity";
import type {
  createSuppressionInput,
  listSuppressionsQuery,
  SuppressionDto,
} from "./suppression-schemas";
import { leadIdsWithEmail, normalizeEmail, suppressEmail } from "./suppressions";

const inOrg = (ctx: Ctx) => eq(emailSuppressions.organizationId, ctx.orgId);

function toDto(row: typeof emailSuppressions.$inferSelect): SuppressionDto {
  return {
    id: row.id,
    email: row.email,
    reason: row.reason,
    detail: row.detail,
    campaignId: row.campaignId,
    messageId: row.messageId,
    createdAt: row.createdAt.toISOString(),
  };
}

const SORTABLE = {
  createdAt: { expr: emailSuppressions.createdAt, type: "date" },
  email: { expr: emailSuppressions.email, type: "string" },
} as const;

export async function listSuppressions(ctx: Ctx, query: z.infer<typeof listSuppressionsQuery>) {
  assertCan(ctx, "suppressions:read");
  const page = await listRows(ctx.db, emailSuppressions, {
    query,
    filter: and(
      inOrg(ctx),
      query.q ? ilike(emailSuppressions.email, containsPattern(query.q.toLowerCase())) : undefined,
      query.reason ? eq(emailSuppressions.reason, query.reason) : undefined,
    ),
    sortable: SORTABLE,
    defaultSort: "-createdAt",
  });
  return { ...page, data: page.data.map(toDto) };
}

/**
 * Suppress an address by hand. Idempotent: an address already listed keeps its entry (and its
 * reason) and is returned as it is. Live sequences of the leads with that address stop at once.
 */
export async function addSuppression(
  ctx: Ctx,
  input: z.infer<typeof createSuppressionInput>,
): Promise<{ suppression: SuppressionDto; created: boolean }> {
  assertCan(ctx, "suppressions:write");
  const email = normalizeEmail(input.email);
  return ctx.db.transaction(async (tx) => {
    const result = await suppressEmail(tx, {
      organizationId: ctx.orgId,
      email,
      reason: "manual",
      detail: input.detail ?? null,
    });
    if (result.created) {
      for (const leadId of await leadIdsWithEmail(tx, ctx.orgId, email)) {
        await stopLeadSequences(tx, {
          organizationId: ctx.orgId,
          leadId,
          state: "removed",
          reason: "The address was added to the suppression list",
        });
        await recordActivity(tx, ctx, leadId, "email_suppressed", { email, reason: "manual" });
      }
      await recordAudit(tx, ctx, {
        action: "suppression.created",
        resourceType: "email_suppression",
        resourceId: result.id,
        changes: { email },
      });
    }
    const [row] = await tx
      .select()
      .from(emailSuppressions)
      .where(
        and(eq(emailSuppressions.organizationId, ctx.orgId), eq(emailSuppressions.id, result.id)),
      );
    return { suppression: toDto(row!), created: result.created };
  });
}

/**
 * Lift a suppression (admins). An unsubscribe lifted this way also clears the leads' unsubscribed
 * flag, so the two never disagree; sequences that stopped stay stopped.
 */
export async function deleteSuppression(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx, "suppressions:write");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(emailSuppressions)
      .where(and(eq(emailSuppressions.organizationId, ctx.orgId), eq(emailSuppressions.id, id)))
      .returning();
    if (!row) throw notFound("Suppression");
    if (row.reason === "unsubscribed" || row.reason === "complained") {
      for (const leadId of await leadIdsWithEmail(tx, ctx.orgId, row.email)) {
        await tx
          .update(leads)
          .set({ unsubscribed: false, updatedAt: new Date() })
          .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
        await recordActivity(tx, ctx, leadId, "resubscribed", { by: "suppression_removed" });
      }
    }
    await recordAudit(tx, ctx, {
      action: "suppression.deleted",
      resourceType: "email_suppression",
      resourceId: id,
      changes: { email: row.email, reason: row.reason },
    });
  });
}
