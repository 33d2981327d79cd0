import {
  and,
  arrayContains,
  arrayOverlaps,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { z } from "zod";
import { leads, TEMPERATURES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError, type FieldError } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { containsPattern } from "@/lib/http/query";
import { resolveOption, type LeadOptionsSnapshot } from "./lead-options";
import { currencyCode } from "./lead-schemas";

/** A list value from a query string: repeated (`tag=a&tag=b`) or comma-separated (`status=new,won`). */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).max(50));

const instant = z.iso.datetime({ offset: true }).or(z.iso.date());

/** The lead filters, shared by GET /leads, export, stats and bulk actions by filter. */
export const leadFilterShape = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Search name, email, company, phone and notes (typo-tolerant)" }),
  status: list.optional(),
  reachedStatus: list.optional().meta({
    description:
      "Leads that have ever been in any of these statuses (e.g. a funnel stage and every later one)",
  }),
  source: list.optional(),
  industry: list.optional(),
  ownerId: list.optional().meta({ description: "User ids, `me` or `unassigned`" }),
  tag: list.optional().meta({ description: "Leads having all of these tags" }),
  minScore: z.coerce.number().int().optional(),
  maxScore: z.coerce.number().int().optional(),
  temperature: list.pipe(z.array(z.enum(TEMPERATURES))).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  updatedFrom: instant.optional(),
  updatedTo: instant.optional(),
  assignedFrom: instant
    .optional()
    .meta({ description: "Leads their current owner got on or after this time" }),
  assignedTo: instant.optional(),
  minDealValue: z.coerce
    .number()
    .min(0)
    .optional()
    .meta({ description: "Leads whose deal is worth at least this (in its own currency)" }),
  maxDealValue: z.coerce.number().min(0).optional(),
  dealCurrency: list
    .transform((codes) => codes.map((c) => c.toUpperCase()))
    .pipe(z.array(currencyCode))
    .optional()
    .meta({
      description:
        "Leads with a deal in any of these currencies (a deal without one is in the organization's); pairs with the value filters, which compare amounts as they are",
    }),
  expectedCloseFrom: z.iso
    .date()
    .optional()
    .meta({ description: "Leads expected to close on or after this day (YYYY-MM-DD)" }),
  expectedCloseTo: z.iso.date().optional(),
  deleted: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: the trash (deleted leads) instead" }),
};

export const leadFilterSchema = z.object(leadFilterShape);
export type LeadFilters = z.infer<typeof leadFilterSchema> & {
  customFields?: Record<string, string>;
};

/** Custom field filters come as `cf.<key>=value`; any other unknown parameter is a 400. */
export function splitCustomFieldParams(raw: Record<string, unknown>, known: string[]) {
  const customFields: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (known.includes(key)) continue;
    if (key.startsWith("cf.") && typeof value === "string") customFields[key.slice(3)] = value;
    else errors.push({ path: key, message: "Unknown field" });
  }
  if (errors.length) throw validationError(errors);
  return customFields;
}

/** Filter values as the API accepts them; retired values still match (old leads keep them). */
export function resolveFilterValues(
  snapshot: LeadOptionsSnapshot,
  kind: "status" | "source" | "industry",
  values: string[],
  path?: string,
) {
  return values.map((v) => {
    const value = v.toLowerCase();
    const hit = snapshot.options[kind].find(
      (o) => o.value === value || o.label.toLowerCase() === value,
    );
    // Retired values are still valid filters: old leads keep them.
    return hit?.value ?? resolveOption(snapshot, kind, v, path);
  });
}

const day = (v: string, end: boolean) =>
  v.length === 10 ? new Date(`${v}T${end ? "23:59:59.999" : "00:00:00"}Z`) : new Date(v);

/**
 * Filters → SQL conditions on `leads`. Picklist values are matched as the API accepts them
 * (slug or label), `me` means the caller, custom fields compare through the GIN-indexed
 * `custom_fields @> {...}` containment with values typed by their definition.
 */
export function leadFilterConditions(
  ctx: Ctx,
  snapshot: LeadOptionsSnapshot,
  f: LeadFilters,
): SQL[] {
  const out: SQL[] = [];
  if (f.q) {
    const q = f.q.toLowerCase();
    // Trigram index: substring (and so prefix) match, or a close word match for typos.
    out.push(
      q.length >= 3
        ? sql`(${leads.searchText} ilike ${containsPattern(q)} or ${q} <% ${leads.searchText})`
        : sql`${leads.searchText} ilike ${containsPattern(q)}`,
    );
  }
  if (f.status?.length)
    out.push(inArray(leads.status, resolveFilterValues(snapshot, "status", f.status)));
  if (f.reachedStatus?.length)
    out.push(
      arrayOverlaps(
        leads.reachedStatuses,
        resolveFilterValues(snapshot, "status", f.reachedStatus, "reachedStatus"),
      ),
    );
  if (f.source?.length)
    out.push(inArray(leads.source, resolveFilterValues(snapshot, "source", f.source)));
  if (f.industry?.length)
    out.push(inArray(leads.industry, resolveFilterValues(snapshot, "industry", f.industry)));
  if (f.ownerId?.length) {
    const ids: string[] = [];
    let unassigned = false;
    for (const o of f.ownerId) {
      if (o === "unassigned") unassigned = true;
      else if (o === "me") {
        if (!ctx.actor.userId)
          throw new AppError("validation_error", "`me` needs a signed-in user", {
            errors: [{ path: "ownerId", message: "API keys have no `me`" }],
          });
        ids.push(ctx.actor.userId);
      } else if (z.uuid().safeParse(o).success) ids.push(o);
      else
        throw new AppError("validation_error", `Invalid ownerId "${o}"`, {
          errors: [{ path: "ownerId", message: "A user id, `me` or `unassigned`" }],
        });
    }
    const parts = [
      unassigned ? isNull(leads.ownerId) : undefined,
      ids.length ? inArray(leads.ownerId, ids) : undefined,
    ].filter(Boolean) as SQL[];
    out.push(parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  if (f.tag?.length)
    out.push(
      arrayContains(
        leads.tags,
        f.tag.map((t) => t.toLowerCase()),
      ),
    );
  if (f.minScore !== undefined) out.push(gte(leads.score, f.minScore));
  if (f.maxScore !== undefined) out.push(lte(leads.score, f.maxScore));
  if (f.temperature?.length) out.push(inArray(leads.temperature, f.temperature));
  if (f.createdFrom) out.push(gte(leads.createdAt, day(f.createdFrom, false)));
  if (f.createdTo) out.push(lte(leads.createdAt, day(f.createdTo, true)));
  if (f.updatedFrom) out.push(gte(leads.updatedAt, day(f.updatedFrom, false)));
  if (f.updatedTo) out.push(lte(leads.updatedAt, day(f.updatedTo, true)));
  if (f.assignedFrom) out.push(gte(leads.assignedAt, day(f.assignedFrom, false)));
  if (f.assignedTo) out.push(lte(leads.assignedAt, day(f.assignedTo, true)));
  if (f.minDealValue !== undefined) out.push(gte(leads.dealValue, f.minDealValue));
  if (f.maxDealValue !== undefined) out.push(lte(leads.dealValue, f.maxDealValue));
  if (f.dealCurrency?.length)
    out.push(
      isNotNull(leads.dealValue),
      inArray(sql`coalesce(${leads.dealCurrency}, ${snapshot.currency ?? null})`, f.dealCurrency),
    );
  if (f.expectedCloseFrom) out.push(gte(leads.expectedCloseDate, f.expectedCloseFrom));
  if (f.expectedCloseTo) out.push(lte(leads.expectedCloseDate, f.expectedCloseTo));
  for (const [key, raw] of Object.entries(f.customFields ?? {})) {
    const def = snapshot.customFields.find((d) => d.key === key);
    if (!def)
      throw new AppError("validation_error", `Unknown custom field "${key}"`, {
        errors: [{ path: `cf.${key}`, message: "Unknown custom field" }],
      });
    const value: unknown =
      def.type === "number"
        ? Number(raw)
        : def.type === "boolean"
          ? raw === "true"
          : def.type === "multiselect"
            ? [raw]
            : raw;
    if (def.type === "number" && !Number.isFinite(value)) {
      throw new AppError("validation_error", `cf.${key} must be a number`, {
        errors: [{ path: `cf.${key}`, message: "Must be a number" }],
      });
    }
    out.push(sql`${leads.customFields} @> ${JSON.stringify({ [key]: value })}::jsonb`);
  }
  return out;
}

export function combine(conditions: (SQL | undefined)[]): SQL | undefined {
  return and(...conditions.filter(Boolean));
}
