import { apiFetch } from "@/lib/client/api";
import type { LeadDto } from "./lead-picker";
import type { EventCounts, SampleLead } from "./use-scoring";

/** Form values of the preview's sample lead: field name (or custom.key) → text. */
export type SampleForm = Record<string, string>;

const BOOLEAN_FIELDS = new Set(["doNotContact", "unsubscribed"]);

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The lead the preview endpoint scores, shaped like a stored lead (tags a list, custom nested). */
export function toPreviewLead(form: SampleForm): SampleLead {
  const lead: SampleLead = {};
  const customFields: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    const value = raw.trim();
    if (!value) continue;
    if (key.startsWith("custom.")) customFields[key.slice(7)] = value;
    else if (key === "tags") lead.tags = splitList(value);
    else if (BOOLEAN_FIELDS.has(key)) lead[key] = value === "true";
    else lead[key] = value;
  }
  lead.customFields = customFields;
  return lead;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

export function sampleFromLead(lead: LeadDto): SampleForm {
  const form: SampleForm = {};
  for (const [key, value] of Object.entries(lead)) {
    if (key === "customFields") continue;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      form[key] = asText(value);
    }
  }
  for (const [key, value] of Object.entries(lead.customFields))
    form[`custom.${key}`] = asText(value);
  return form;
}

// Far enough back to count every tracked event the lead has, not just the default 90 days.
const ALL_TIME = "2000-01-01T00:00:00.000Z";

/** How many of each event a lead has: inquiries plus tracked events. */
export async function eventCountsFor(leadId: string): Promise<EventCounts> {
  const [analytics, inquiries] = await Promise.all([
    apiFetch<{ byType: { type: string; count: number }[] }>(`/leads/${leadId}/analytics`, {
      query: { from: ALL_TIME },
    }),
    apiFetch<{ data: unknown[] }>(`/leads/${leadId}/inquiries`),
  ]);
  const counts: EventCounts = {};
  for (const t of analytics.byType) counts[t.type] = Math.min(1000, t.count);
  if (inquiries.data.length) counts.inquiry = inquiries.data.length;
  return counts;
}
