import { and, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { ownersById } from "./get-lead";
import { leadFilterShape } from "./lead-filters";
import { loadLeadOptions } from "./lead-options";
import type { LeadRow } from "./lead-schemas";
import { keysetAfter, orderByTerms } from "@/lib/http/sort";
import { sortValues } from "@/lib/http/pagination";
import { leadConditions, parseLeadQuery, parseLeadSort } from "./list-leads";

export const exportLeadsQuery = z
  .object({
    format: z.enum(["csv"]).default("csv"),
    sort: z
      .string()
      .max(500)
      .optional()
      .meta({ description: "As GET /leads (default -createdAt)" }),
    ...leadFilterShape,
  })
  .catchall(z.string().max(200))
  .meta({ description: "The same filters as GET /leads (including `cf.<key>`)" });

const PAGE = 5000;

// Headers an import maps straight back; computed values are labelled so re-importing a file
// never turns them into manual overrides.
const COLUMNS: [string, (l: LeadRow, owner: string | null) => unknown][] = [
  ["First Name", (l) => l.firstName],
  ["Last Name", (l) => l.lastName],
  ["Email", (l) => l.email],
  ["Phone", (l) => l.phone],
  ["Company", (l) => l.company],
  ["Job Title", (l) => l.jobTitle],
  ["Website", (l) => l.website],
  ["Industry", (l) => l.industry],
  ["Source", (l) => l.source],
  ["Status", (l) => l.status],
  ["Lost Reason", (l) => l.lostReason],
  ["Owner", (_l, owner) => owner],
  ["Tags", (l) => l.tags],
  ["City", (l) => l.city],
  ["Region", (l) => l.region],
  ["Country", (l) => l.country],
  ["Postal Code", (l) => l.postalCode],
  ["Latitude", (l) => l.latitude],
  ["Longitude", (l) => l.longitude],
  ["Timezone", (l) => l.timezone],
  ["Do Not Contact", (l) => (l.doNotContact ? "yes" : "no")],
  ["Unsubscribed", (l) => (l.unsubscribed ? "yes" : "no")],
  ["Score (computed)", (l) => l.score],
  ["Temperature (computed)", (l) => l.temperature],
  ["Last Contacted At", (l) => l.lastContactedAt],
  ["Next Follow-up At", (l) => l.nextFollowUpAt],
  ["Deal Value", (l) => l.dealValue],
  ["Deal Currency", (l) => l.dealCurrency],
  ["Expected Close Date", (l) => l.expectedCloseDate],
  ["Won At", (l) => l.wonAt],
  ["Lost At", (l) => l.lostAt],
  ["Created At", (l) => l.createdAt],
  ["Updated At", (l) => l.updatedAt],
  ["Lead ID", (l) => l.id],
];

/**
 * GET /leads/export: every lead the list would show with the same filters and visibility, as
 * CSV rows produced a page at a time (keyset on id), so any size streams in constant memory.
 * Filters are checked before the first byte is sent, so bad ones are a 400, not a broken file.
 */
export async function exportLeads(ctx: Ctx, raw: Record<string, unknown>) {
  assertCan(ctx, "leads:export");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  const { format: _format, ...filters } = raw;
  const query = parseLeadQuery(filters);
  // The table's order, walked by keyset pages, so the file matches what the user sees.
  const sort = parseLeadSort(query.sort);
  const where = await leadConditions(ctx, query, snapshot);
  const custom = snapshot.customFields.filter((f) => !f.archived);
  const header = [...COLUMNS.map(([name]) => name), ...custom.map((f) => f.label)];
  await recordAudit(ctx.db, ctx, {
    action: "lead.exported",
    resourceType: "lead",
    changes: { filters },
  });

  async function* pages() {
    let after: SQL | undefined;
    for (;;) {
      const rows = await ctx.db
        .select()
        .from(leads)
        .where(and(where, after))
        .orderBy(...orderByTerms(sort))
        .limit(PAGE);
      if (!rows.length) return;
      const owners = await ownersById(
        ctx.db,
        rows.map((r) => r.ownerId),
      );
      yield rows.map((l) => [
        ...COLUMNS.map(([, get]) =>
          get(l, l.ownerId ? (owners.get(l.ownerId)?.email ?? null) : null),
        ),
        ...custom.map((f) => l.customFields[f.key] ?? null),
      ]);
      if (rows.length < PAGE) return;
      after = keysetAfter(sort, sortValues(sort, rows[rows.length - 1]!));
    }
  }
  return { header, pages: pages() };
}
