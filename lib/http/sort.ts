import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";

export type SortValueType = "string" | "number" | "date";

/** A sortable field: a non-null SQL expression (wrap nullable columns in coalesce) and its type. */
export interface SortableField {
  expr: AnyColumn | SQL;
  type: SortValueType;
  /** For a coalesced nullable column: the value the expression gives a null (used in cursors). */
  nullValue?: string | number;
}

export type SortableFields = Record<string, SortableField>;

export interface SortTerm {
  field: string;
  desc: boolean;
  expr: AnyColumn | SQL;
  type: SortValueType;
  nullValue?: string | number;
}

const FIELD_RE = /^-?[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Parse `sort=-score,createdAt` against the fields a resource allows. Unknown fields are a 400,
 * never silently ignored. The tie-breaker (the id, always unique) is appended so keyset
 * pagination has a total order.
 */
export function parseSort(
  raw: string | undefined,
  fields: SortableFields,
  options: { default: string; tieBreaker: SortableField & { field: string } },
): SortTerm[] {
  const source = raw?.trim() ? raw : options.default;
  const terms: SortTerm[] = [];
  const seen = new Set<string>();
  for (const part of source.split(",").map((s) => s.trim())) {
    if (!part || !FIELD_RE.test(part)) {
      throw sortError(`"${part}" is not a valid sort term`, fields);
    }
    const isDesc = part.startsWith("-");
    const name = isDesc ? part.slice(1) : part;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) throw sortError(`Unknown sort field "${name}"`, fields);
    if (seen.has(name)) throw sortError(`Sort field "${name}" given twice`, fields);
    seen.add(name);
    terms.push({
      field: name,
      desc: isDesc,
      expr: field.expr,
      type: field.type,
      nullValue: field.nullValue,
    });
  }
  const tie = options.tieBreaker;
  if (!seen.has(tie.field)) {
    terms.push({
      field: tie.field,
      desc: terms.at(-1)?.desc ?? false,
      expr: tie.expr,
      type: tie.type,
    });
  }
  return terms;
}

function sortError(message: string, fields: SortableFields) {
  const allowed = Object.keys(fields).join(", ");
  return new AppError("validation_error", `${message}. Sortable fields: ${allowed}.`, {
    errors: [{ path: "sort", message: `${message}. Allowed: ${allowed}` }],
  });
}

export function orderByTerms(terms: SortTerm[]): SQL[] {
  return terms.map((t) => (t.desc ? desc(t.expr) : asc(t.expr)));
}

/** `sort` echoed back in canonical form, used to bind a cursor to the order it was made for. */
export function sortSignature(terms: SortTerm[]): string {
  return terms.map((t) => (t.desc ? "-" : "") + t.field).join(",");
}

/**
 * Rows strictly after `values` in the given order: (a > x) or (a = x and b > y) or ... with each
 * comparison's direction taken from its term, so mixed asc/desc orders page correctly.
 */
export function keysetAfter(terms: SortTerm[], values: unknown[]): SQL {
  const branches: SQL[] = terms.map((term, i) => {
    const equalities = terms
      .slice(0, i)
      .map((prev, j) => sql`${prev.expr} = ${castValue(values[j], prev.type)}`);
    const cmp = term.desc
      ? sql`${term.expr} < ${castValue(values[i], term.type)}`
      : sql`${term.expr} > ${castValue(values[i], term.type)}`;
    return sql.join([...equalities, cmp], sql` and `);
  });
  // The OR of branches alone makes PostgreSQL scan the index from the top and filter (a cursor
  // deep into a million rows took seconds); the redundant bound on the leading term lets it
  // start the index range scan right at the cursor, so a deep page costs what the first does.
  const first = terms[0]!;
  const bound = first.desc
    ? sql`${first.expr} <= ${castValue(values[0], first.type)}`
    : sql`${first.expr} >= ${castValue(values[0], first.type)}`;
  return sql`(${bound} and (${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` or `,
  )}))`;
}

function castValue(value: unknown, type: SortValueType) {
  if (type === "date") return sql`${String(value)}::timestamptz`;
  if (type === "number") return sql`${Number(value)}`;
  return sql`${String(value)}`;
}
