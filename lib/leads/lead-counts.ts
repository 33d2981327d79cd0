import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { leadCounts } from "@/db/schema";
import type { LeadFilters } from "./lead-filters";

export const UNASSIGNED_KEY = "00000000-0000-0000-0000-000000000000";

const ROLLUP_DIMENSIONS = ["status", "source", "industry", "temperature", "tag"] as const;

/**
 * A list total from the trigger-maintained counts, when the filters are ones the counts know
 * (owner/visibility plus at most one of status, source, industry, temperature, or a single tag —
 * "all of these tags" for two or more has no count). Returns undefined when they aren't, and the
 * caller counts rows instead.
 */
export async function totalFromCounts(
  db: Database,
  orgId: string,
  filters: LeadFilters,
  resolved: { ownerKeys: string[] | null; values?: string[] },
): Promise<number | undefined> {
  const f = filters;
  if (
    f.q ||
    (f.tag?.length ?? 0) > 1 ||
    f.reachedStatus?.length ||
    f.minScore !== undefined ||
    f.maxScore !== undefined ||
    f.createdFrom ||
    f.createdTo ||
    f.updatedFrom ||
    f.updatedTo ||
    f.assignedFrom ||
    f.assignedTo ||
    f.minDealValue !== undefined ||
    f.maxDealValue !== undefined ||
    f.dealCurrency?.length ||
    f.expectedCloseFrom ||
    f.expectedCloseTo ||
    f.deleted === "true"
  )
    return undefined;
  if (Object.keys(f.customFields ?? {}).length) return undefined;
  const used = ROLLUP_DIMENSIONS.filter((d) => (f[d] as string[] | undefined)?.length);
  if (used.length > 1) return undefined;
  const dimension = used[0] ?? "status";
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${leadCounts.count}), 0)::int` })
    .from(leadCounts)
    .where(
      and(
        eq(leadCounts.organizationId, orgId),
        eq(leadCounts.dimension, dimension),
        used[0] && resolved.values ? inArray(leadCounts.value, resolved.values) : undefined,
        resolved.ownerKeys ? inArray(leadCounts.ownerKey, resolved.ownerKeys) : undefined,
      ),
    );
  return row?.n ?? 0;
}
