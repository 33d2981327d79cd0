import { and, not, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { pageQuerySchema } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { leadFilterConditions } from "./lead-filters";
import { loadLeadOptions, type LeadOptionsSnapshot } from "./lead-options";
import { leadPage } from "./list-leads";
import { leadScope } from "./visibility";

const OPS = [
  "eq",
  "neq",
  "in",
  "nin",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "starts_with",
  "exists",
  "not_exists",
] as const;
type Op = (typeof OPS)[number];

type Kind = "text" | "picklist" | "number" | "date" | "boolean" | "tags" | "uuid";
const FIELDS: Record<
  string,
  { column: SQL; kind: Kind; picklist?: "status" | "source" | "industry" | "lost_reason" }
> = {
  firstName: { column: sql`${leads.firstName}`, kind: "text" },
  lastName: { column: sql`${leads.lastName}`, kind: "text" },
  displayName: { column: sql`${leads.displayName}`, kind: "text" },
  email: { column: sql`${leads.email}`, kind: "text" },
  phone: { column: sql`${leads.phone}`, kind: "text" },
  company: { column: sql`${leads.company}`, kind: "text" },
  jobTitle: { column: sql`${leads.jobTitle}`, kind: "text" },
  website: { column: sql`${leads.website}`, kind: "text" },
  domain: { column: sql`${leads.domain}`, kind: "text" },
  city: { column: sql`${leads.city}`, kind: "text" },
  region: { column: sql`${leads.region}`, kind: "text" },
  country: { column: sql`${leads.country}`, kind: "text" },
  postalCode: { column: sql`${leads.postalCode}`, kind: "text" },
  timezone: { column: sql`${leads.timezone}`, kind: "text" },
  status: { column: sql`${leads.status}`, kind: "picklist", picklist: "status" },
  source: { column: sql`${leads.source}`, kind: "picklist", picklist: "source" },
  industry: { column: sql`${leads.industry}`, kind: "picklist", picklist: "industry" },
  lostReason: { column: sql`${leads.lostReason}`, kind: "picklist", picklist: "lost_reason" },
  temperature: { column: sql`${leads.temperature}`, kind: "text" },
  ownerId: { column: sql`${leads.ownerId}`, kind: "uuid" },
  score: { column: sql`${leads.score}`, kind: "number" },
  latitude: { column: sql`${leads.latitude}`, kind: "number" },
  longitude: { column: sql`${leads.longitude}`, kind: "number" },
  tags: { column: sql`${leads.tags}`, kind: "tags" },
  doNotContact: { column: sql`${leads.doNotContact}`, kind: "boolean" },
  unsubscribed: { column: sql`${leads.unsubscribed}`, kind: "boolean" },
  createdAt: { column: sql`${leads.createdAt}`, kind: "date" },
  updatedAt: { column: sql`${leads.updatedAt}`, kind: "date" },
  lastContactedAt: { column: sql`${leads.lastContactedAt}`, kind: "date" },
  nextFollowUpAt: { column: sql`${leads.nextFollowUpAt}`, kind: "date" },
  dealValue: { column: sql`${leads.dealValue}`, kind: "number" },
  dealCurrency: { column: sql`${leads.dealCurrency}`, kind: "text" },
  expectedCloseDate: { column: sql`${leads.expectedCloseDate}`, kind: "date" },
};

const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const conditionSchema = z.strictObject({
  field: z.string().max(80).meta({ description: "A lead field, or custom.<key>" }),
  op: z.enum(OPS),
  value: z.union([scalar, z.array(z.union([z.string().max(500), z.number()])).max(500)]).optional(),
});

type Node = z.infer<typeof conditionSchema> | { and: Node[] } | { or: Node[] } | { not: Node };

export const filterNodeSchema: z.ZodType<Node> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.strictObject({ and: z.array(filterNodeSchema).min(1).max(50) }),
    z.strictObject({ or: z.array(filterNodeSchema).min(1).max(50) }),
    z.strictObject({ not: filterNodeSchema }),
  ]),
);

export const searchLeadsInput = z
  .strictObject({
    filter: z
      .unknown()
      .optional()
      .meta({
        description:
          "A tree of {and: [...]}, {or: [...]}, {not: ...} and conditions {field, op, value}; ops: " +
          OPS.join(", "),
        example: {
          and: [
            { field: "status", op: "in", value: ["new", "contacted"] },
            {
              or: [
                { field: "score", op: "gte", value: 50 },
                { field: "tags", op: "contains", value: "vip" },
              ],
            },
          ],
        },
      }),
    q: z.string().trim().min(1).max(200).optional(),
    sort: pageQuerySchema.shape.sort,
    page: pageQuerySchema.shape.page,
    perPage: pageQuerySchema.shape.perPage,
    cursor: pageQuerySchema.shape.cursor,
  })
  .meta({ id: "SearchLeads" });

const bad = (path: string, message: string) =>
  new AppError("validation_error", `${path}: ${message}`, { errors: [{ path, message }] });

/**
 * Compile a filter tree into one SQL condition. Only whitelisted fields and operators exist, every
 * value is a bound parameter, picklist values are matched as the API accepts them, and the tree
 * is bounded (depth 6, 100 conditions) so no request can build a pathological query.
 */
export function compileFilter(
  node: Node,
  snapshot: LeadOptionsSnapshot,
  path = "filter",
  budget = { left: 100 },
  depth = 0,
): SQL {
  if (depth > 6) throw bad(path, "Nested too deeply (at most 6 levels)");
  if ("and" in node)
    return and(
      ...node.and.map((n, i) => compileFilter(n, snapshot, `${path}.and[${i}]`, budget, depth + 1)),
    )!;
  if ("or" in node)
    return or(
      ...node.or.map((n, i) => compileFilter(n, snapshot, `${path}.or[${i}]`, budget, depth + 1)),
    )!;
  if ("not" in node)
    return not(compileFilter(node.not, snapshot, `${path}.not`, budget, depth + 1));
  if (--budget.left < 0) throw bad(path, "Too many conditions (at most 100)");
  return compileCondition(node, snapshot, path);
}

function compileCondition(
  c: z.infer<typeof conditionSchema>,
  snapshot: LeadOptionsSnapshot,
  path: string,
): SQL {
  let column: SQL;
  let kind: Kind;
  let picklist: (typeof FIELDS)[string]["picklist"];
  if (c.field.startsWith("custom.")) {
    const def = snapshot.customFields.find((d) => d.key === c.field.slice(7));
    if (!def) throw bad(`${path}.field`, `Unknown custom field "${c.field}"`);
    kind =
      def.type === "number"
        ? "number"
        : def.type === "boolean"
          ? "boolean"
          : def.type === "date"
            ? "date"
            : "text";
    column =
      kind === "number"
        ? sql`(${leads.customFields} ->> ${def.key})::numeric`
        : kind === "boolean"
          ? sql`(${leads.customFields} ->> ${def.key})::boolean`
          : sql`(${leads.customFields} ->> ${def.key})`;
  } else {
    const field = Object.hasOwn(FIELDS, c.field) ? FIELDS[c.field] : undefined;
    if (!field)
      throw bad(
        `${path}.field`,
        `Unknown field "${c.field}". Fields: ${Object.keys(FIELDS).join(", ")}, custom.<key>`,
      );
    ({ column, kind, picklist } = field);
  }
  if (c.op === "exists")
    return kind === "tags" ? sql`cardinality(${column}) > 0` : sql`${column} is not null`;
  if (c.op === "not_exists")
    return kind === "tags" ? sql`cardinality(${column}) = 0` : sql`${column} is null`;
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (values.some((v) => v === undefined || v === null))
    throw bad(`${path}.value`, `${c.op} needs a value`);
  const typed = values.map((v) => cast(kind, v, `${path}.value`, snapshot, picklist));
  const one = typed[0]!;
  if (kind === "tags") {
    const arr = sql`array[${sql.join(
      typed.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]`;
    if (c.op === "contains" || c.op === "eq") return sql`${column} @> ${arr}`;
    if (c.op === "in") return sql`${column} && ${arr}`;
    if (c.op === "nin" || c.op === "neq") return sql`not (${column} && ${arr})`;
    throw bad(`${path}.op`, `${c.op} doesn't apply to tags`);
  }
  const list = sql.join(
    typed.map((t) => sql`${t}`),
    sql`, `,
  );
  switch (c.op as Op) {
    case "eq":
      return sql`${column} = ${one}`;
    case "neq":
      return sql`${column} is distinct from ${one}`;
    case "in":
      return sql`${column} in (${list})`;
    case "nin":
      return sql`(${column} is null or ${column} not in (${list}))`;
    case "gt":
      return sql`${column} > ${one}`;
    case "gte":
      return sql`${column} >= ${one}`;
    case "lt":
      return sql`${column} < ${one}`;
    case "lte":
      return sql`${column} <= ${one}`;
    case "contains":
      if (kind !== "text") throw bad(`${path}.op`, "contains applies to text fields");
      return sql`${column} ilike ${containsPattern(String(one))}`;
    case "starts_with":
      if (kind !== "text") throw bad(`${path}.op`, "starts_with applies to text fields");
      return sql`${column} ilike ${containsPattern(String(one)).slice(1)}`;
    default:
      throw bad(`${path}.op`, "Unsupported operator");
  }
}

function cast(
  kind: Kind,
  v: unknown,
  path: string,
  snapshot: LeadOptionsSnapshot,
  picklist?: string,
): string | number | boolean {
  if (kind === "number") {
    const n = Number(v);
    if (!Number.isFinite(n)) throw bad(path, "Must be a number");
    return n;
  }
  if (kind === "boolean") {
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    throw bad(path, "Must be true or false");
  }
  if (kind === "date") {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw bad(path, "Must be a date");
    return d.toISOString();
  }
  if (kind === "uuid") {
    if (!z.uuid().safeParse(v).success) throw bad(path, "Must be a user id");
    return String(v);
  }
  if (kind === "picklist" && picklist) {
    const s = String(v).toLowerCase();
    const hit = snapshot.options[picklist as "status"].find(
      (o) => o.value === s || o.label.toLowerCase() === s,
    );
    if (!hit) throw bad(path, `Unknown ${picklist} "${v}"`);
    return hit.value;
  }
  if (kind === "tags") return String(v).trim().toLowerCase();
  return String(v);
}

/** POST /leads/search: the list, with a filter tree instead of query parameters. */
export async function searchLeads(ctx: Ctx, input: z.infer<typeof searchLeadsInput>) {
  assertCan(ctx, "leads:read");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  let tree: SQL | undefined;
  if (input.filter !== undefined) {
    const parsed = filterNodeSchema.safeParse(input.filter);
    if (!parsed.success)
      throw bad(
        "filter",
        "Not a valid filter tree: use {and|or|not} groups and {field, op, value} conditions",
      );
    tree = compileFilter(parsed.data, snapshot);
  }
  const where = and(
    await leadScope(ctx),
    ...leadFilterConditions(ctx, snapshot, { q: input.q }),
    tree,
  )!;
  return leadPage(ctx, input, where);
}
