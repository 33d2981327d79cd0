import type { LeadOptions } from "@/lib/client/lead-hooks";
import { optionLabel } from "@/lib/client/lead-hooks";
import type { TimelineItem } from "./lead-types";

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  jobTitle: "Job title",
  website: "Website",
  industry: "Industry",
  source: "Source",
  lostReason: "Lost reason",
  tags: "Tags",
  city: "City",
  region: "Region",
  country: "Country",
  postalCode: "Postal code",
  latitude: "Latitude",
  longitude: "Longitude",
  timezone: "Time zone",
  doNotContact: "Do not contact",
  unsubscribed: "Unsubscribed",
  customFields: "Custom fields",
  lastContactedAt: "Last contacted",
  nextFollowUpAt: "Next follow-up",
  dealValue: "Deal value",
  dealCurrency: "Deal currency",
  expectedCloseDate: "Expected close",
  wonAt: "Won on",
  lostAt: "Lost on",
};

const CALL_OUTCOMES: Record<string, string> = {
  connected: "connected",
  voicemail: "left a voicemail",
  no_answer: "no answer",
  busy: "busy",
  wrong_number: "wrong number",
  meeting_booked: "meeting booked",
};

function duration(seconds: unknown): string {
  const s = typeof seconds === "number" ? seconds : 0;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

export interface DescribeContext {
  options?: LeadOptions;
  memberName: (id: string) => string | undefined;
  formatDateTime: (iso: string) => string;
}

const CHANNEL_NAMES: Record<string, string> = {
  email: "email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  voice: "phone",
};
const channelName = (v: unknown) => CHANNEL_NAMES[String(v)] ?? "message";

const str = (v: unknown) => (typeof v === "string" ? v : "");

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  const s = String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** The changed custom fields by key, since their whole object is stored before and after. */
function customFieldChanges(from: unknown, to: unknown, ctx: DescribeContext): string[] {
  const a = (from ?? {}) as Record<string, unknown>;
  const b = (to ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => {
      const label = ctx.options?.customFields.find((f) => f.key === k)?.label ?? k;
      return `${label}: ${show(a[k])} → ${show(b[k])}`;
    });
}

function picklist(ctx: DescribeContext, field: string, v: unknown) {
  const kind = { industry: "industry", source: "source", lostReason: "lostReason" }[field] as
    "industry" | "source" | "lostReason" | undefined;
  return kind && typeof v === "string" ? optionLabel(ctx.options?.[kind], v) : show(v);
}

function unsubscribeSource(source: unknown): string {
  const labels: Record<string, string> = {
    one_click: "the one-click link in their mail app",
    link: "the unsubscribe page",
    complaint: "a spam complaint",
  };
  return labels[str(source)] ?? (str(source) || "an unsubscribe link");
}

/** A timeline entry as a headline and optional detail lines, in plain words. */
export function describeActivity(
  item: TimelineItem,
  ctx: DescribeContext,
): { title: string; details: string[] } {
  const d = item.data;
  const status = (v: unknown) => optionLabel(ctx.options?.status, str(v) || null) || "—";
  const owner = (v: unknown) =>
    typeof v === "string" ? (ctx.memberName(v) ?? "a former member") : "nobody";
  switch (item.type) {
    case "created":
      return {
        title: d.importId ? "Lead imported" : "Lead created",
        details: d.source ? [`Source: ${optionLabel(ctx.options?.source, str(d.source))}`] : [],
      };
    case "updated": {
      const changes = (d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
      const details = Object.entries(changes).flatMap(([field, c]) =>
        field === "customFields"
          ? customFieldChanges(c.from, c.to, ctx)
          : [
              `${FIELD_LABELS[field] ?? field}: ${picklist(ctx, field, c.from)} → ${picklist(ctx, field, c.to)}`,
            ],
      );
      return { title: "Details updated", details };
    }
    case "status_changed":
      return { title: `Status changed from ${status(d.from)} to ${status(d.to)}`, details: [] };
    case "owner_changed":
      return { title: `Owner changed from ${owner(d.from)} to ${owner(d.to)}`, details: [] };
    case "note_added":
      return { title: "Note added", details: [str(d.excerpt)] };
    case "note_edited":
      return { title: "Note edited", details: [str(d.to)] };
    case "note_deleted":
      return { title: "Note deleted", details: [str(d.excerpt)] };
    case "inquiry_received":
      return {
        title: d.channel
          ? `Inquiry received (${str(d.channel).replace(/_/g, " ")})`
          : "Inquiry received",
        details: [str(d.excerpt)],
      };
    case "event":
      return {
        title: `Tracked event: ${str(d.eventType)}`,
        details: d.value ? [show(d.value)] : [],
      };
    case "score_changed":
      return {
        title: `Score ${show(d.from)} → ${show(d.to)}`,
        details: d.reason ? [`Because: ${str(d.reason)}`] : [],
      };
    case "score_overridden":
      return {
        title: d.to === null ? "Score override removed" : `Score set manually to ${show(d.to)}`,
        details: [],
      };
    case "tags_added":
      return { title: `Tagged ${show(d.tags)}`, details: [] };
    case "tags_removed":
      return { title: `Tag removed: ${show(d.tags)}`, details: [] };
    case "reminder_added":
      return {
        title: `Reminder set for ${d.dueAt ? ctx.formatDateTime(str(d.dueAt)) : "later"}`,
        details: d.message ? [str(d.message)] : [],
      };
    case "reminder_completed":
      return { title: "Reminder completed", details: [] };
    case "reminder_snoozed":
      return {
        title: `Reminder snoozed until ${d.dueAt ? ctx.formatDateTime(str(d.dueAt)) : "later"}`,
        details: [],
      };
    case "reminder_updated":
      return { title: "Reminder updated", details: [] };
    case "reminder_deleted":
      return { title: "Reminder deleted", details: [] };
    case "deleted":
      return { title: "Lead moved to the trash", details: [] };
    case "restored":
      return { title: "Lead restored from the trash", details: [] };
    case "merged":
      return { title: `Merged with ${show(d.mergedNames)}`, details: [] };
    case "merged_from":
      return { title: `History merged in from ${show(d.displayName)}`, details: [] };
    case "campaign_email_sent":
      return {
        title: `Campaign email sent: ${show(d.campaignName)}, step ${show(d.stepNumber)}`,
        details: d.subject ? [`Subject: ${show(d.subject)}`] : [],
      };
    case "email_bounced":
      return {
        title: `Email to ${show(d.email)} bounced`,
        details: d.detail ? [show(d.detail)] : [],
      };
    case "unsubscribed":
      return { title: "Unsubscribed from email", details: [`Via ${unsubscribeSource(d.source)}`] };
    case "spam_complaint":
      return { title: "Marked an email as spam — now unsubscribed", details: [] };
    case "resubscribed":
      return { title: "Subscribed to email again", details: [] };
    case "email_suppressed":
      return { title: `Email address suppressed (${show(d.reason)})`, details: [] };
    case "message_received": {
      const stopped = Array.isArray(d.stoppedCampaignIds) ? d.stoppedCampaignIds.length : 0;
      return {
        title: `Replied by ${channelName(d.channel)}`,
        details: [
          ...(d.preview ? [`“${show(d.preview)}”`] : []),
          ...(stopped ? [`Stopped ${stopped} campaign sequence${stopped === 1 ? "" : "s"}`] : []),
        ],
      };
    }
    case "message_sent":
      return {
        title: `Message sent by ${channelName(d.channel)}`,
        details: d.subject ? [`Subject: ${show(d.subject)}`] : [],
      };
    case "auto_reply_received":
      return {
        title: "Automatic reply (out of office)",
        details: d.returnDate ? [`Back on ${show(d.returnDate)} — follow-ups wait until then`] : [],
      };
    case "call_logged":
      return {
        title: `Call logged: ${CALL_OUTCOMES[str(d.outcome)] ?? show(d.outcome)}, ${duration(d.durationSeconds)}`,
        details: d.notes ? [str(d.notes)] : [],
      };
    case "conversation_taken_over":
      return { title: "Conversation taken over — automation held", details: [] };
    case "conversation_handed_back":
      return { title: "Conversation handed back to automation", details: [] };
    default: {
      const words = item.type.replace(/[_.-]+/g, " ");
      return { title: words.charAt(0).toUpperCase() + words.slice(1), details: [] };
    }
  }
}
