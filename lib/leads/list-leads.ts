import { and, count, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { pageQuerySchema, paginate, type PageQuery } from "@/lib/http/pagination";
import { parseSort, type SortableFields } from "@/lib/http/sort";
import { ownersById } from "./get-lead";
import {
  leadFilterConditions,
  leadFilterShape,
  resolveFilterValues,
  splitCustomFieldParams,
  type LeadFilters,
} from "./lead-filters";
import { loadLeadOptions, type LeadOptionsSnapshot } from "./lead-options";
import { toLeadDto, type LeadRow } from "./lead-schemas";
import { totalFromCounts, UNASSIGNED_KEY } from "./lead-counts";
import { leadScope, visibleOwners } from "./visibility";

export const LEAD_SORTS: SortableFields = {
  createdAt: { expr: leads.createdAt, type: "date" },
  updatedAt: { expr: leads.updatedAt, type: "date" },
  score: { expr: leads.score, type: "number" },
  displayName: { expr: leads.displayName, type: "string" },
  company: { expr: sql`coalesce(${leads.company}, '')`, type: "string", nullValue: "" },
  lastContactedAt: {
    expr: sql`coalesce(${leads.lastContactedAt}, '-infinity'::timestamptz)`,
    type: "date",
    nullValue: "-infinity",
  },
  assignedAt: {
    expr: sql`coalesce(${leads.assignedAt}, '-infinity'::timestamptz)`,
    type: "date",
    nullValue: "-infinity",
  },
  nextFollowUpAt: {
    expr: sql`coalesce(${leads.nextFollowUpAt}, 'infinity'::timestamptz)`,
    type: "date",
    nullValue: "infinity",
  },
  // Amounts are never negative, so -1 puts leads without a deal below every deal (last when
  // biggest first). Values compare as numbers whatever their currency.
  dealValue: {
    expr: sql`coalesce(${leads.dealValue}, -1)`,
    type: "number",
    nullValue: -1,
  },
  // A date column compared with the cursor's timestamptz: both sides read at midnight in the
  // session's zone, so the order and the keyset agree.
  expectedCloseDate: {
    expr: sql`coalesce(${leads.expectedCloseDate}, 'infinity'::date)`,
    type: "date",
    nullValue: "infinity",
  },
};

const KNOWN = [...Object.keys(pageQuerySchema.shape), ...Object.keys(leadFilterShape)];

/** GET /leads query: pagination, sort, the filters, and `cf.<key>` custom field filters. */
export const listLeadsQuery = pageQuerySchema
  .extend(leadFilterShape)
  .catchall(z.string().max(200))
  .meta({ description: "Any `cf.<key>=value` filters by a custom field" });

export type ListLeadsQuery = PageQuery & LeadFilters;

export function parseLeadQuery(raw: Record<string, unknown>): ListLeadsQuery {
  const customFields = splitCustomFieldParams(raw, KNOWN);
  return { ...(raw as ListLeadsQuery), customFields };
}

/** Everything that narrows a lead query for this caller: scope (org, visibility) plus filters. */
export async function leadConditions(
  ctx: Ctx,
  filters: LeadFilters,
  snapshot?: LeadOptionsSnapshot,
): Promise<SQL> {
  const options = snapshot ?? (await loadLeadOptions(ctx.db, ctx.orgId));
  const scope = await leadScope(ctx, { deleted: filters.deleted === "true" });
  return and(scope, ...leadFilterConditions(ctx, options, filters))!;
}

/** The list's order (newest first unless asked), with the id making it total for keysets. */
export function parseLeadSort(raw: string | undefined) {
  return parseSort(raw, LEAD_SORTS, {
    default: "-createdAt",
    tieBreaker: { field: "id", expr: leads.id, type: "string" },
  });
}

/**
 * A page of the leads the caller can see, filtered, sorted on an indexed column, by page or
 * keyset cursor. Totals come from the maintained counts when the filters allow, so the first page
 * of a million leads costs an index range scan and a handful of counter rows.
 */
export async function listLeads(ctx: Ctx, query: ListLeadsQuery) {
  assertCan(ctx, "leads:read");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  const where = await leadConditions(ctx, query, snapshot);
  return leadPage(ctx, query, where, async () => countFromRollups(ctx, query, snapshot));
}

/**
 * One page of leads matching `where` (already scoped), sorted and paginated per the query, with
 * owners attached — shared by the list and the filter-tree search. `fastCount` may answer the
 * total from the rollups; otherwise it is counted.
 */
export async function leadPage(
  ctx: Ctx,
  query: PageQuery,
  where: SQL,
  fastCount: () => Promise<number | null | undefined> = async () => null,
) {
  const sort = parseLeadSort(query.sort);
  const page = await paginate<LeadRow>({
    query,
    sort,
    fetch: ({ where: keyset, orderBy, limit, offset }) =>
      ctx.db
        .select()
        .from(leads)
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () =>
      (await fastCount()) ?? (await ctx.db.select({ n: count() }).from(leads).where(where))[0]!.n,
  });
  const owners = await ownersById(
    ctx.db,
    page.data.map((l) => l.ownerId),
  );
  return {
    ...page,
    data: page.data.map((row: LeadRow) =>
      toLeadDto(row, row.ownerId ? (owners.get(row.ownerId) ?? null) : null),
    ),
  };
}

async function countFromRollups(ctx: Ctx, f: ListLeadsQuery, snapshot: LeadOptionsSnapshot) {
  const visible = await visibleOwners(ctx);
  let keys: string[] | null = visible === null ? null : [...visible, UNASSIGNED_KEY];
  if (f.ownerId?.length) {
    const requested = f.ownerId
      .map((o) => (o === "me" ? ctx.actor.userId : o === "unassigned" ? UNASSIGNED_KEY : o))
      .filter(Boolean) as string[];
    keys = keys === null ? requested : requested.filter((k) => keys!.includes(k));
  }
  const dimension = (["status", "source", "industry"] as const).find((d) => f[d]?.length);
  const values = dimension
    ? resolveFilterValues(snapshot, dimension, f[dimension]!)
    : f.temperature?.length
      ? f.temperature
      : f.tag?.map((t) => t.toLowerCase());
  return totalFromCounts(ctx.db, ctx.orgId, f, { ownerKeys: keys, values });
}
