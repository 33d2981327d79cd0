import type { FieldError } from "@/lib/errors";
import { AppError } from "@/lib/errors";
import type { CreateLeadInput, LeadRow } from "./lead-schemas";
import { resolveOption, type LeadOptionsSnapshot } from "./lead-options";
import { validateCustomFields } from "./custom-field-values";
import { DEFAULT_CURRENCY } from "@/lib/organizations/organization-currency";
import {
  displayNameOf,
  domainOf,
  isValidTimezone,
  normalizeEmail,
  normalizePhone,
  normalizeTags,
  normalizeWebsite,
  searchTextOf,
} from "./normalize";

export type LeadValues = Partial<
  Omit<
    LeadRow,
    "id" | "organizationId" | "createdAt" | "updatedAt" | "score" | "scoreBreakdown" | "temperature"
  >
>;

const PICKLISTS = [
  ["status", "status"],
  ["source", "source"],
  ["industry", "industry"],
  ["lostReason", "lost_reason"],
] as const;

const blank = (v: string | null | undefined) =>
  v === undefined ? undefined : v?.trim() ? v.trim() : null;

/**
 * Turn validated input into column values: picklists resolved to slugs, email lower-cased, phone
 * to E.164, website checked, custom fields typed — collecting every problem rather than stopping
 * at the first, so a form or an import row can report them all. Derived columns (display name,
 * domain, search text) are recomputed from the merged result. Pure: no database access, so the
 * importer runs it on a million rows.
 */
export function buildLeadValues(
  snapshot: LeadOptionsSnapshot,
  input: CreateLeadInput,
  existing?: LeadRow,
  options: { defaultCountry?: string | null } = {},
): { values: LeadValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: LeadValues = {};
  const fail = (path: string, message: string) => errors.push({ path, message });

  for (const key of [
    "firstName",
    "lastName",
    "company",
    "jobTitle",
    "city",
    "region",
    "postalCode",
  ] as const) {
    if (input[key] !== undefined) values[key] = blank(input[key]);
  }
  if (input.email !== undefined) values.email = input.email ? normalizeEmail(input.email) : null;
  if (input.country !== undefined) {
    const c = blank(input.country);
    values.country = c && /^[a-z]{2}$/i.test(c) ? c.toUpperCase() : c;
  }
  if (input.phone !== undefined) {
    const raw = blank(input.phone);
    if (raw) {
      const phone = normalizePhone(
        raw,
        values.country ?? existing?.country ?? options.defaultCountry,
      );
      if (phone) values.phone = phone;
      else fail("phone", "Invalid phone number");
    } else values.phone = null;
  }
  if (input.website !== undefined) {
    const raw = blank(input.website);
    const website = raw ? normalizeWebsite(raw) : null;
    if (raw && !website) fail("website", "Invalid website address");
    else values.website = website;
  }
  for (const [field, kind] of PICKLISTS) {
    const raw = input[field];
    if (raw === undefined) continue;
    if (raw === null || !raw.trim()) {
      if (field === "status") fail("status", "Status is required");
      else values[field] = null;
      continue;
    }
    try {
      values[field] = resolveOption(snapshot, kind, raw, field);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...(error.errors ?? []));
    }
  }
  if (input.timezone !== undefined) {
    const tz = blank(input.timezone);
    if (tz && !isValidTimezone(tz)) fail("timezone", `Unknown time zone "${tz}"`);
    else values.timezone = tz;
  }
  for (const key of ["latitude", "longitude", "doNotContact", "unsubscribed", "ownerId"] as const) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  if (input.tags !== undefined) values.tags = normalizeTags(input.tags);
  for (const key of ["lastContactedAt", "nextFollowUpAt"] as const) {
    if (input[key] !== undefined) values[key] = input[key] ? new Date(input[key]) : null;
  }
  if (input.customFields !== undefined) {
    const result = validateCustomFields(
      snapshot.customFields,
      input.customFields,
      existing?.customFields,
    );
    errors.push(...result.errors);
    values.customFields = result.value;
  }
  for (const key of ["dealValue", "dealCurrency", "expectedCloseDate"] as const) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  const categoryOf = (status: string | undefined) =>
    snapshot.options.status.find((o) => o.value === status)?.category;
  const isLost = (status: string) => categoryOf(status) === "lost";
  // The dates themselves follow the status in the database (trigger leads_outcome_dates); a caller
  // may only backdate the outcome the lead is in.
  const finalStatus = values.status ?? existing?.status;
  for (const [key, category] of [
    ["wonAt", "won"],
    ["lostAt", "lost"],
  ] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    if (raw && finalStatus !== undefined && categoryOf(finalStatus) !== category)
      fail(key, `Only a lead in a ${category} status has a ${category} date`);
    else values[key] = raw ? new Date(raw) : null;
  }
  if (
    values.status &&
    !isLost(values.status) &&
    input.lostReason === undefined &&
    existing?.lostReason
  ) {
    // Leaving a lost status (any the organization files under "lost") clears the reason.
    values.lostReason = null;
  }

  const merged = { ...existing, ...values };
  if (merged.dealValue != null && !merged.dealCurrency)
    values.dealCurrency = snapshot.currency ?? DEFAULT_CURRENCY;
  if (!existing && !merged.firstName && !merged.lastName && !merged.email && !merged.company) {
    fail("email", "A lead needs at least a name, an email or a company");
  }
  values.displayName = displayNameOf(merged);
  values.domain = domainOf(merged.website, merged.email);
  return { values, errors };
}

/** The search text for a lead given its notes; recomputed when either changes. */
export function leadSearchText(
  lead: Pick<
    LeadRow,
    "displayName" | "email" | "phone" | "company" | "jobTitle" | "domain" | "city"
  >,
  notes: string[] = [],
) {
  return searchTextOf(lead, notes);
}
