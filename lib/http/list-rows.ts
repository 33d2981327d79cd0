import { and, count, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { paginate, type Page, type PageQuery } from "./pagination";
import { parseSort, type SortableFields } from "./sort";

/**
 * A page of rows from one table: the caller's filter (always including the organization), the
 * sort the client asked for (checked against `sortable`), page or cursor mode, and the total.
 */
export async function listRows<T extends PgTable & { id: AnyColumn }>(
  db: Queryable,
  table: T,
  options: {
    query: PageQuery;
    filter: SQL | undefined;
    sortable: SortableFields;
    defaultSort: string;
  },
): Promise<Page<T["$inferSelect"]>> {
  const sort = parseSort(options.query.sort, options.sortable, {
    default: options.defaultSort,
    tieBreaker: { field: "id", expr: table.id, type: "string" },
  });
  return paginate({
    query: options.query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      db
        .select()
        .from(table as PgTable)
        .where(and(options.filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset) as Promise<T["$inferSelect"][]>,
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(table as PgTable)
          .where(options.filter)
      )[0]!.n,
  });
}
