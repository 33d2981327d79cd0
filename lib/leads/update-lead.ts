import { and, desc, eq } from "drizzle-orm";
import { leadNotes, leads } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
import { validationError } from "@/lib/http/problem";
import { recordActivity } from "./activity";
import { buildLeadValues, leadSearchText } from "./build-lead-values";
import { getLeadOrThrow, toLeadDetail } from "./get-lead";
import { loadLeadOptions } from "./lead-options";
import { leadFieldsShape, type CreateLeadInput, type LeadRow } from "./lead-schemas";
import { checkWriteRules, duplicateEmail, leadIdByEmail, recordStatusChange } from "./lead-writes";
import { rescoreLead } from "./scoring/rescore-lead";

/** What PUT sets a field to when the body leaves it out: the field's empty value. */
// The outcome dates are left out: they follow the status unless a caller backdates them.
const EMPTY: Required<Omit<CreateLeadInput, "wonAt" | "lostAt">> = {
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  company: null,
  jobTitle: null,
  website: null,
  industry: null,
  source: null,
  status: "",
  lostReason: null,
  ownerId: null,
  score: null,
  tags: [],
  city: null,
  region: null,
  country: null,
  postalCode: null,
  latitude: null,
  longitude: null,
  timezone: null,
  doNotContact: false,
  unsubscribed: false,
  customFields: {},
  lastContactedAt: null,
  nextFollowUpAt: null,
  dealValue: null,
  dealCurrency: null,
  expectedCloseDate: null,
};

/** Notes feed the search text, so search finds a lead by what was written about it. */
export async function recentNoteBodies(ctx: Ctx, leadId: string, db = ctx.db) {
  const rows = await db
    .select({ body: leadNotes.body })
    .from(leadNotes)
    .where(and(eq(leadNotes.organizationId, ctx.orgId), eq(leadNotes.leadId, leadId)))
    .orderBy(desc(leadNotes.createdAt))
    .limit(5);
  return rows.map((r) => r.body.slice(0, 500));
}

/**
 * Change a lead (PATCH: the given fields; PUT: every field, absent ones emptied). Every changed
 * field goes on the timeline with before/after, status and owner changes get their own entries,
 * and the score is recomputed.
 */
export async function updateLead(
  ctx: Ctx,
  id: string,
  input: CreateLeadInput,
  mode: "patch" | "put" = "patch",
) {
  assertCan(ctx, "leads:write");
  const existing = await getLeadOrThrow(ctx, id);
  const body: CreateLeadInput =
    mode === "put"
      ? { ...EMPTY, status: existing.status, ...input, customFields: input.customFields ?? {} }
      : input;
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  const { values, errors } = buildLeadValues(
    snapshot,
    body,
    mode === "put" ? { ...existing, customFields: {} } : existing,
  );
  await checkWriteRules(
    ctx,
    { score: input.score, ownerId: body.ownerId !== existing.ownerId ? body.ownerId : undefined },
    errors,
  );
  if (errors.length) throw validationError(errors);
  if (values.email && values.email !== existing.email) {
    const other = await leadIdByEmail(ctx.db, ctx.orgId, values.email);
    if (other && other !== id) throw duplicateEmail(other);
  }
  const changes = diffChanges(
    existing as unknown as Record<string, unknown>,
    pickComparable(values),
  );
  const scoreChange = input.score !== undefined && input.score !== existing.scoreOverride;
  if (Object.keys(changes).length === 0 && !scoreChange) return toLeadDetail(ctx.db, existing);
  try {
    await ctx.db.transaction(async (tx) => {
      const notes = await recentNoteBodies(ctx, id, tx);
      const merged = { ...existing, ...values } as LeadRow;
      await tx
        .update(leads)
        .set({
          ...values,
          ...(scoreChange ? { scoreOverride: input.score } : {}),
          searchText: leadSearchText(merged, notes),
          updatedById: ctx.actor.id,
        })
        .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, id)));
      if (changes.status) await recordStatusChange(tx, ctx, id, existing.status, values.status!);
      if (changes.ownerId)
        await recordActivity(
          tx,
          ctx,
          id,
          "owner_changed",
          changes.ownerId as Record<string, unknown>,
        );
      const rest = Object.fromEntries(
        Object.entries(changes).filter(([k]) => !["status", "ownerId"].includes(k)),
      );
      if (Object.keys(rest).length) await recordActivity(tx, ctx, id, "updated", { changes: rest });
      if (scoreChange) {
        await recordActivity(tx, ctx, id, "score_overridden", {
          from: existing.scoreOverride,
          to: input.score,
        });
      }
      await rescoreLead(tx, ctx, id, scoreChange ? "manual override" : "lead updated");
      await recordAudit(tx, ctx, {
        action: "lead.updated",
        resourceType: "lead",
        resourceId: id,
        changes,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "leads_org_email_key") && values.email)
      throw duplicateEmail((await leadIdByEmail(ctx.db, ctx.orgId, values.email)) ?? id);
    throw error;
  }
  return toLeadDetail(ctx.db, await getLeadOrThrow(ctx, id));
}

/** Only user-facing fields are compared (derived columns change as a consequence). */
function pickComparable(values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(leadFieldsShape)) {
    if (key !== "score" && key in values) out[key] = values[key];
  }
  return out;
}
