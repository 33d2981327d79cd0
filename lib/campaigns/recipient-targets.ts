import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { savedViews } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { pageQuerySchema } from "@/lib/http/pagination";
import type { LeadFilters } from "@/lib/leads/lead-filters";
import { loadLeadOptions } from "@/lib/leads/lead-options";
import { leadConditions, parseLeadQuery } from "@/lib/leads/list-leads";
import { leadScope } from "@/lib/leads/visibility";
import { type addRecipientsInput, recipientFilterSchema } from "./campaign-schemas";
import { uuidArray } from "./recipient-mailboxes";

type AddInput = z.infer<typeof addRecipientsInput>;

/**
 * The leads to add, as a SELECT of (lead_id, found, email, do_not_contact, unsubscribed): by id
 * (an id the caller can't see, deleted or unknown comes back with found = false), or every lead
 * matching the filters — the leads table's own, scoped to what the caller may see.
 */
export type TargetQuery = SQL;

const PAGE_KEYS = Object.keys(pageQuerySchema.shape);

function unprocessable(detail: string, path: string): AppError {
  return new AppError("unprocessable", detail, { errors: [{ path, message: detail }] });
}

/** The filters stored in one of the caller's saved lead views (an API key has none). */
async function savedViewFilters(ctx: Ctx, id: string): Promise<LeadFilters> {
  const [view] = ctx.actor.userId
    ? await ctx.db
        .select({ state: savedViews.state })
        .from(savedViews)
        .where(
          and(
            eq(savedViews.organizationId, ctx.orgId),
            eq(savedViews.userId, ctx.actor.userId),
            eq(savedViews.resource, "leads"),
            eq(savedViews.id, id),
          ),
        )
    : [];
  if (!view) throw unprocessable("No such saved lead view", "savedViewId");
  const query = Object.fromEntries(
    Object.entries(view.state.query).filter(([key]) => !PAGE_KEYS.includes(key)),
  );
  const parsed = recipientFilterSchema.safeParse(query);
  if (!parsed.success) {
    throw unprocessable(
      `The view's filters are no longer valid: ${parsed.error.issues[0]?.message}`,
      "savedViewId",
    );
  }
  try {
    return parseLeadQuery(parsed.data);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw unprocessable(`The view's filters are no longer valid: ${error.message}`, "savedViewId");
  }
}

/** Read before the transaction that inserts (PGlite has one connection; these are plain reads). */
export async function targetQuery(ctx: Ctx, input: AddInput): Promise<TargetQuery> {
  const columns = sql`leads.email, leads.do_not_contact, leads.unsubscribed`;
  if (input.leadIds) {
    const scope = await leadScope(ctx);
    return sql`select r.id as lead_id, leads.id is not null as found, ${columns}
                 from (select distinct unnest(${uuidArray(input.leadIds)}) as id) r
                 left join leads on leads.id = r.id and ${scope}`;
  }
  const filters = input.savedViewId
    ? await savedViewFilters(ctx, input.savedViewId)
    : parseLeadQuery(input.filter ?? {});
  if (filters.deleted === "true") {
    throw unprocessable(
      "Deleted leads can't be added to a campaign",
      input.savedViewId ? "savedViewId" : "filter.deleted",
    );
  }
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  let where: SQL;
  try {
    where = await leadConditions(ctx, filters, snapshot);
  } catch (error) {
    if (!isAppError(error) || !input.savedViewId) throw error;
    throw unprocessable(`The view's filters are no longer valid: ${error.message}`, "savedViewId");
  }
  return sql`select leads.id as lead_id, true as found, ${columns} from leads where ${where}`;
}
