/**
 * The variables a template may use. Lead fields by name, custom fields as `custom.<key>` (or the
 * short `cf.<key>`), the sender (the member sending: for a preview or test send, the caller) and
 * `unsubscribeUrl`. Pure: no database, so the editor and the renderer share one list.
 */
export const LEAD_VARIABLES = [
  "firstName",
  "lastName",
  "fullName",
  "company",
  "jobTitle",
  "email",
  "phone",
  "city",
  "country",
] as const;

export const SENDER_VARIABLES = ["sender.name", "sender.email"] as const;

export const UNSUBSCRIBE_VARIABLE = "unsubscribeUrl";

/** A campaign step's personalised opener per lead (AI, or offline from the lead's fields). */
export const AI_FIRST_LINE_VARIABLE = "aiFirstLine";

export const KNOWN_VARIABLES: readonly string[] = [
  ...LEAD_VARIABLES,
  ...SENDER_VARIABLES,
  UNSUBSCRIBE_VARIABLE,
  AI_FIRST_LINE_VARIABLE,
];

/** `cf.x` is an alias of `custom.x`; everything else is its own name. */
export function canonicalVariable(name: string): string {
  return name.startsWith("cf.") ? `custom.${name.slice(3)}` : name;
}

export type VariableValues = Record<string, string | null | undefined>;

/** The lead fields a template reads (a subset of the lead row, so tests can pass plain objects). */
export interface LeadForTemplate {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  jobTitle: string | null;
  phone?: string | null;
  city: string | null;
  country: string | null;
  customFields: Record<string, unknown>;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function leadVariables(lead: LeadForTemplate): VariableValues {
  const fullName = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || null;
  const values: VariableValues = {
    firstName: lead.firstName,
    lastName: lead.lastName,
    fullName,
    company: lead.company,
    jobTitle: lead.jobTitle,
    email: lead.email,
    phone: lead.phone ?? null,
    city: lead.city,
    country: lead.country,
  };
  for (const [key, value] of Object.entries(lead.customFields ?? {})) {
    values[`custom.${key}`] = text(value);
  }
  return values;
}
