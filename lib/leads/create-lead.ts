import { leads } from "@/db/schema";
import { leadCreated } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
import { validationError } from "@/lib/http/problem";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { recordActivity } from "./activity";
import { buildLeadValues, leadSearchText } from "./build-lead-values";
import { toLeadDetail } from "./get-lead";
import { firstOpenStatus, loadLeadOptions, resolveOption } from "./lead-options";
import type { CreateLeadInput, LeadRow } from "./lead-schemas";
import { checkWriteRules, duplicateEmail, leadIdByEmail, recordStatusChange } from "./lead-writes";
import { computeScore } from "./scoring/compute-score";
import { getScoringConfig } from "./scoring/scoring-config";

/**
 * Create a lead: validate and normalise, assign it (the creating member by default, nobody for an
 * API key), score it, and write it with its first status, its timeline entry, an audit entry and
 * the `lead/created` event in one transaction. A live lead with the same email is a 409 carrying
 * its id.
 */
export async function createLead(
  ctx: Ctx,
  input: CreateLeadInput,
  options: { defaultSource?: string } = {},
): Promise<ReturnType<typeof toLeadDetail>> {
  assertCan(ctx, "leads:write");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  const ownerId =
    input.ownerId !== undefined
      ? input.ownerId
      : ctx.actor.type === "user"
        ? ctx.actor.userId
        : null;
  const { values, errors } = buildLeadValues(snapshot, {
    ...input,
    ownerId,
    status: input.status ?? firstOpenStatus(snapshot),
    source:
      input.source ??
      (options.defaultSource && snapshotHas(snapshot, options.defaultSource)
        ? options.defaultSource
        : undefined),
  });
  await checkWriteRules(ctx, { score: input.score, ownerId }, errors);
  if (errors.length) throw validationError(errors);
  if (values.email) {
    const existing = await leadIdByEmail(ctx.db, ctx.orgId, values.email);
    if (existing) throw duplicateEmail(existing);
  }
  const scoring = await getScoringConfig(ctx.db, ctx.orgId);
  const computed = computeScore(scoring, values, {});
  const scoreOverride = input.score ?? null;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [lead] = await tx
        .insert(leads)
        .values({
          ...values,
          organizationId: ctx.orgId,
          displayName: values.displayName!,
          status: values.status!,
          searchText: leadSearchText({ ...values, displayName: values.displayName! } as LeadRow),
          score: scoreOverride ?? computed.score,
          scoreOverride,
          scoreBreakdown: computed.breakdown,
          temperature: computed.temperature,
          reachedStatuses: [values.status!],
          createdById: ctx.actor.id,
          updatedById: ctx.actor.id,
        })
        .returning();
      await recordStatusChange(tx, ctx, lead!.id, null, lead!.status);
      await recordActivity(tx, ctx, lead!.id, "created", {
        source: lead!.source,
        ownerId: lead!.ownerId,
      });
      await recordAudit(tx, ctx, {
        action: "lead.created",
        resourceType: "lead",
        resourceId: lead!.id,
        changes: { email: lead!.email },
      });
      await enqueueEvent(
        tx,
        leadCreated,
        { organizationId: ctx.orgId, leadId: lead!.id },
        { organizationId: ctx.orgId },
      );
      return lead!;
    });
    return toLeadDetail(ctx.db, row);
  } catch (error) {
    if (isUniqueViolation(error, "leads_org_email_key") && values.email) {
      const existing = await leadIdByEmail(ctx.db, ctx.orgId, values.email);
      if (existing) throw duplicateEmail(existing);
    }
    throw error;
  }
}

function snapshotHas(snapshot: Awaited<ReturnType<typeof loadLeadOptions>>, source: string) {
  try {
    return Boolean(resolveOption(snapshot, "source", source));
  } catch {
    return false;
  }
}
