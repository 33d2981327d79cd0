import type { ScoringRule } from "./use-scoring";

/** Lead fields a field rule may test, as the API names them. */
export const LEAD_FIELD_LABELS: Record<string, string> = {
  email: "Email",
  phone: "Phone",
  company: "Company",
  jobTitle: "Job title",
  website: "Website",
  domain: "Email/website domain",
  industry: "Industry",
  source: "Source",
  status: "Status",
  lostReason: "Lost reason",
  tags: "Tags",
  firstName: "First name",
  lastName: "Last name",
  city: "City",
  region: "State / region",
  country: "Country",
  postalCode: "Postal code",
  timezone: "Time zone",
};

/** Event types the app records; rules may name others sent through the events API. */
export const EVENT_LABELS: Record<string, string> = {
  inquiry: "Inquiries",
  page_view: "Page views",
  form_submitted: "Forms submitted",
  email_opened: "Emails opened",
  email_clicked: "Email links clicked",
  email_replied: "Email replies",
  meeting_booked: "Meetings booked",
};

export const OPERATOR_LABELS: Record<NonNullable<ScoringRule["operator"]>, string> = {
  exists: "is filled in",
  equals: "is",
  in: "is one of",
  contains: "contains",
};

export function fieldLabel(target: string, customLabels: Map<string, string>): string {
  if (target.startsWith("custom.")) return customLabels.get(target.slice(7)) ?? target.slice(7);
  return LEAD_FIELD_LABELS[target] ?? target;
}

export function eventLabel(target: string): string {
  return EVENT_LABELS[target] ?? target;
}

/** One line saying when a rule applies, e.g. "Job title contains director, vp". */
export function describeRule(rule: ScoringRule, customLabels: Map<string, string>): string {
  if (rule.kind === "event") {
    return `Per "${rule.target}" event${rule.maxEvents ? ` · the latest ${rule.maxEvents} count` : ""}`;
  }
  const operator = rule.operator ?? "exists";
  const value = Array.isArray(rule.value) ? rule.value.join(", ") : (rule.value ?? "");
  return `${fieldLabel(rule.target, customLabels)} ${OPERATOR_LABELS[operator]}${operator === "exists" ? "" : ` ${value}`}`;
}

/** A rule id from its label, unique among the others (ids name rules in score breakdowns). */
export function ruleIdFor(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "rule";
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
