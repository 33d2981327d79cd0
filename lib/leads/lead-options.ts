import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import {
  customFieldDefinitions,
  leadOptions,
  OPTION_KINDS,
  STATUS_CATEGORIES,
  TEMPERATURES,
  type OptionKind,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import { DEFAULT_OPTIONS } from "./default-options";
import { slugify } from "./normalize";

export const optionSchema = z
  .object({
    value: z.string(),
    label: z.string(),
    position: z.number().int(),
    category: z.enum(STATUS_CATEGORIES).nullable(),
    retired: z.boolean(),
  })
  .meta({ id: "LeadOption" });
export type LeadOption = z.infer<typeof optionSchema>;

export const customFieldSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: z.string(),
    options: z.array(z.string()),
    required: z.boolean(),
    position: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: "CustomField" });
export type CustomFieldDef = z.infer<typeof customFieldSchema>;

export interface LeadOptionsSnapshot {
  options: Record<OptionKind, LeadOption[]>;
  customFields: CustomFieldDef[];
  /** The organization's currency (ISO 4217): a deal value without a currency is in it. */
  currency?: string;
}

/** Every picklist and custom field definition of an organization, in order. */
export async function loadLeadOptions(db: Queryable, orgId: string): Promise<LeadOptionsSnapshot> {
  const [rows, fields, currency] = await Promise.all([
    db
      .select()
      .from(leadOptions)
      .where(eq(leadOptions.organizationId, orgId))
      .orderBy(asc(leadOptions.position)),
    db
      .select()
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.organizationId, orgId))
      .orderBy(asc(customFieldDefinitions.position)),
    organizationCurrency(db, orgId),
  ]);
  const options = Object.fromEntries(OPTION_KINDS.map((k) => [k, [] as LeadOption[]])) as Record<
    OptionKind,
    LeadOption[]
  >;
  for (const r of rows) {
    options[r.kind].push({
      value: r.value,
      label: r.label,
      position: r.position,
      category: r.category,
      retired: r.retired,
    });
  }
  return {
    options,
    currency,
    customFields: fields.map((f) => ({
      id: f.id,
      key: f.key,
      label: f.label,
      type: f.type,
      options: f.options,
      required: f.required,
      position: f.position,
      archived: f.archived,
    })),
  };
}

const FIELD_NAMES: Record<OptionKind, string> = {
  status: "status",
  source: "source",
  industry: "industry",
  lost_reason: "lostReason",
};

/**
 * A picklist value from what a client sent: the slug or the label, any case. Retired values are
 * refused for new input (they only remain on leads that already have them).
 */
export function resolveOption(
  snapshot: LeadOptionsSnapshot,
  kind: OptionKind,
  input: string,
  path = FIELD_NAMES[kind],
): string {
  const wanted = input.trim().toLowerCase();
  const slug = slugify(input);
  const match = snapshot.options[kind].find(
    (o) => o.value === wanted || o.value === slug || o.label.toLowerCase() === wanted,
  );
  if (!match || match.retired) {
    const allowed = snapshot.options[kind].filter((o) => !o.retired).map((o) => o.value);
    const message = `Unknown ${path} "${input}". Allowed: ${allowed.join(", ")}`;
    throw new AppError("validation_error", message, { errors: [{ path, message }] });
  }
  return match.value;
}

export function statusCategory(snapshot: LeadOptionsSnapshot, status: string) {
  return snapshot.options.status.find((o) => o.value === status)?.category ?? "open";
}

export function firstOpenStatus(snapshot: LeadOptionsSnapshot): string {
  return snapshot.options.status.find((o) => !o.retired && o.category === "open")?.value ?? "new";
}

/** The defaults every new organization starts with (same values as the backfill migration). */
export async function insertDefaultLeadOptions(db: Queryable, orgId: string): Promise<void> {
  const rows = OPTION_KINDS.flatMap((kind) =>
    DEFAULT_OPTIONS[kind].map((o, position) => ({
      organizationId: orgId,
      kind,
      value: o.value,
      label: o.label,
      position,
      category: o.category ?? null,
    })),
  );
  await db.insert(leadOptions).values(rows).onConflictDoNothing();
}

export const TEMPERATURE_OPTIONS = TEMPERATURES.map((t) => ({
  value: t,
  label: t[0]!.toUpperCase() + t.slice(1),
}));

export async function optionExists(db: Queryable, orgId: string, kind: OptionKind, value: string) {
  const [row] = await db
    .select({ id: leadOptions.id })
    .from(leadOptions)
    .where(
      and(
        eq(leadOptions.organizationId, orgId),
        eq(leadOptions.kind, kind),
        eq(leadOptions.value, value),
      ),
    );
  return Boolean(row);
}
