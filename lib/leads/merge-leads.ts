import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import {
  leadActivities,
  leadEvents,
  leadInquiries,
  leadNotes,
  leads,
  leadStatusChanges,
  reminders,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { recordActivity } from "./activity";
import { leadSearchText } from "./build-lead-values";
import { getLeadOrThrow, toLeadDetail } from "./get-lead";
import type { LeadRow } from "./lead-schemas";
import { displayNameOf, domainOf } from "./normalize";
import { rescoreLead } from "./scoring/rescore-lead";
import { recentNoteBodies } from "./update-lead";

export const mergeLeadsInput = z
  .strictObject({
    primaryId: z.uuid().meta({ description: "The lead that remains" }),
    duplicateIds: z
      .array(z.uuid())
      .min(1)
      .max(20)
      .meta({ description: "Leads folded into it, then deleted" }),
  })
  .refine((m) => !m.duplicateIds.includes(m.primaryId), {
    message: "The primary lead can't be its own duplicate",
    path: ["duplicateIds"],
  })
  .meta({ id: "MergeLeads" });

const FILLABLE = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "company",
  "jobTitle",
  "website",
  "industry",
  "source",
  "lostReason",
  "ownerId",
  "city",
  "region",
  "country",
  "postalCode",
  "latitude",
  "longitude",
  "timezone",
  "lastContactedAt",
  "nextFollowUpAt",
  "expectedCloseDate",
  "dealValue",
  "dealCurrency",
] as const;

/**
 * Fold duplicates into one lead, keeping every bit of history: the primary keeps its values and
 * takes any it lacks from the duplicates (in the order given); tags, custom fields, flags merge;
 * notes, timeline, events, inquiries, reminders and status history move over; the duplicates are
 * soft-deleted pointing at the primary (restorable).
 */
export async function mergeLeads(ctx: Ctx, input: z.infer<typeof mergeLeadsInput>) {
  assertCan(ctx, "leads:write");
  assertCan(ctx, "leads:delete");
  const ids = [...new Set(input.duplicateIds)];
  await ctx.db.transaction(async (tx) => {
    const primary = await getLeadOrThrow(ctx, input.primaryId, { db: tx, forUpdate: true });
    const dupes: LeadRow[] = [];
    for (const id of ids) dupes.push(await getLeadOrThrow(ctx, id, { db: tx, forUpdate: true }));
    const merged: Record<string, unknown> = {};
    for (const key of FILLABLE) {
      if (primary[key] !== null) continue;
      const donor = dupes.find((d) => d[key] !== null);
      if (donor) merged[key] = donor[key];
    }
    // An amount means nothing without its currency: a deal value taken from a duplicate brings
    // that duplicate's currency along, even over a currency the primary has without a value.
    if (merged.dealValue !== undefined) {
      const donor = dupes.find((d) => d.dealValue !== null)!;
      if (donor.dealCurrency !== primary.dealCurrency) merged.dealCurrency = donor.dealCurrency;
      else delete merged.dealCurrency;
    }
    merged.tags = [...new Set([...primary.tags, ...dupes.flatMap((d) => d.tags)])];
    merged.customFields = Object.assign(
      {},
      ...[...dupes].reverse().map((d) => d.customFields),
      primary.customFields,
    );
    merged.doNotContact = primary.doNotContact || dupes.some((d) => d.doNotContact);
    merged.unsubscribed = primary.unsubscribed || dupes.some((d) => d.unsubscribed);
    merged.reachedStatuses = [
      ...new Set([...primary.reachedStatuses, ...dupes.flatMap((d) => d.reachedStatuses)]),
    ];
    // Duplicates go first, freeing their email for the primary if it takes it.
    await tx
      .update(leads)
      .set({ deletedAt: new Date(), mergedIntoId: primary.id, updatedById: ctx.actor.id })
      .where(and(eq(leads.organizationId, ctx.orgId), inArray(leads.id, ids)));
    for (const table of [
      leadNotes,
      leadActivities,
      leadEvents,
      leadInquiries,
      reminders,
      leadStatusChanges,
    ]) {
      await tx
        .update(table)
        .set({ leadId: primary.id })
        .where(and(eq(table.organizationId, ctx.orgId), inArray(table.leadId, ids)));
    }
    const next = { ...primary, ...merged } as LeadRow;
    next.displayName = displayNameOf(next);
    next.domain = domainOf(next.website, next.email);
    await tx
      .update(leads)
      .set({
        ...merged,
        displayName: next.displayName,
        domain: next.domain,
        searchText: leadSearchText(next, await recentNoteBodies(ctx, primary.id, tx)),
        updatedById: ctx.actor.id,
      })
      .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, primary.id)));
    await recordActivity(tx, ctx, primary.id, "merged", {
      mergedIds: ids,
      mergedNames: dupes.map((d) => d.displayName),
      filled: Object.keys(merged).filter((k) => FILLABLE.includes(k as (typeof FILLABLE)[number])),
    });
    for (const d of dupes)
      await recordActivity(
        tx,
        ctx,
        primary.id,
        "merged_from",
        { id: d.id, displayName: d.displayName },
        d.createdAt,
      );
    await rescoreLead(tx, ctx, primary.id, "merged");
    await recordAudit(tx, ctx, {
      action: "lead.merged",
      resourceType: "lead",
      resourceId: primary.id,
      changes: { duplicates: ids },
    });
  });
  return toLeadDetail(ctx.db, await getLeadOrThrow(ctx, input.primaryId));
}
