import { z } from "zod";
import type { SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { keysetAfter, orderByTerms, sortSignature, type SortTerm } from "./sort";

export const MAX_PER_PAGE = 100;

/** The query parameters every list endpoint takes; resources extend it with their filters. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
  cursor: z.string().min(1).max(4096).optional(),
  sort: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const paginationSchema = z
  .object({
    /** null in cursor mode, where a page number has no meaning. */
    page: z.number().int().nullable(),
    perPage: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "Pagination" });

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

export interface Page<T> {
  data: T[];
  pagination: z.infer<typeof paginationSchema>;
}

interface CursorPayload {
  s: string;
  v: unknown[];
}

/** A row's values for the sort terms, as `keysetAfter` compares them (nulls as coalesced). */
export function sortValues(terms: SortTerm[], row: Record<string, unknown>): unknown[] {
  return terms.map((t) => {
    const v = row[t.field] ?? t.nullValue ?? null;
    return v instanceof Date ? v.toISOString() : v;
  });
}

export function encodeCursor(terms: SortTerm[], row: Record<string, unknown>): string {
  const values = sortValues(terms, row);
  const payload: CursorPayload = { s: sortSignature(terms), v: values };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A date a cursor may carry: ISO 8601 with a real calendar day (what we issue), or ±infinity.
 * Anything else JavaScript would parse ("March 7") PostgreSQL would refuse, and that must be a 400.
 */
function isCursorDate(value: string): boolean {
  if (value === "infinity" || value === "-infinity") return true;
  const m = ISO_DATE.exec(value);
  if (!m || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

export function decodeCursor(raw: string, terms: SortTerm[]): unknown[] {
  const bad = (message: string) =>
    new AppError("validation_error", message, { errors: [{ path: "cursor", message }] });
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as CursorPayload;
  } catch {
    throw bad("Malformed cursor");
  }
  if (!payload || typeof payload !== "object" || !Array.isArray(payload.v)) {
    throw bad("Malformed cursor");
  }
  if (payload.s !== sortSignature(terms) || payload.v.length !== terms.length) {
    throw bad("This cursor was issued for a different sort order");
  }
  payload.v.forEach((value, i) => {
    const type = terms[i]!.type;
    const ok =
      type === "number"
        ? typeof value === "number" && Number.isFinite(value)
        : typeof value === "string" && (type !== "date" || isCursorDate(value));
    if (!ok) throw bad("Malformed cursor");
  });
  return payload.v;
}

export interface PaginateOptions<T> {
  query: PageQuery;
  sort: SortTerm[];
  /** Fetch one page: `where` is the keyset condition in cursor mode (combine it with your filters). */
  fetch: (args: { where?: SQL; orderBy: SQL[]; limit: number; offset: number }) => Promise<T[]>;
  count: () => Promise<number>;
}

/**
 * Page (offset) and cursor (keyset) pagination over one query. Fetches one extra row to know
 * whether a next page exists; `nextCursor` is offered in both modes so a client can switch to
 * constant-cost deep paging at any point.
 */
export async function paginate<T extends Record<string, unknown>>(
  options: PaginateOptions<T>,
): Promise<Page<T>> {
  const { query, sort } = options;
  if (query.cursor && query.page !== undefined) {
    throw new AppError("validation_error", "Pass either page or cursor, not both.", {
      errors: [{ path: "cursor", message: "Cannot be combined with page" }],
    });
  }
  const perPage = query.perPage;
  const page = query.page ?? 1;
  const where = query.cursor ? keysetAfter(sort, decodeCursor(query.cursor, sort)) : undefined;
  const [rows, total] = await Promise.all([
    options.fetch({
      where,
      orderBy: orderByTerms(sort),
      limit: perPage + 1,
      offset: query.cursor ? 0 : (page - 1) * perPage,
    }),
    options.count(),
  ]);
  const hasMore = rows.length > perPage;
  const data = hasMore ? rows.slice(0, perPage) : rows;
  const last = data.at(-1);
  return {
    data,
    pagination: {
      page: query.cursor ? null : page,
      perPage,
      total,
      totalPages: Math.ceil(total / perPage),
      nextCursor: hasMore && last ? encodeCursor(sort, last) : null,
    },
  };
}
