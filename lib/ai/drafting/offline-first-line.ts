/**
 * The offline opener: one sentence built only from what the CRM knows about the lead (a recent
 * enquiry, title, company, industry, city). It never claims anything the data doesn't say — no
 * invented news, funding rounds or compliments — so it is plainer than a model's, but true.
 */

export interface FirstLineFacts {
  company: string | null;
  jobTitle: string | null;
  industry: string | null;
  city: string | null;
}

/** A recent thing that happened to the lead, as the timeline records it. */
export interface RecentActivity {
  type: string;
  occurredAt: Date;
  data?: Record<string, unknown>;
}

/** Activity older than this is not "recent" enough to open with. */
const RECENT_DAYS = 30;

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, " ").trim() || null;

function recentInquiry(activity: RecentActivity[], now: Date) {
  const since = now.getTime() - RECENT_DAYS * 86_400_000;
  return activity.find(
    (a) =>
      a.occurredAt.getTime() >= since &&
      (a.type === "inquiry_received" ||
        (a.type === "event" && String(a.data?.eventType ?? "").includes("form"))),
  );
}

export function offlineFirstLine(
  lead: FirstLineFacts,
  activity: RecentActivity[] = [],
  now = new Date(),
): string {
  const company = clean(lead.company);
  const title = clean(lead.jobTitle);
  const industry = clean(lead.industry)?.toLowerCase() ?? null;
  const city = clean(lead.city);
  if (recentInquiry(activity, now)) {
    return company
      ? `Thanks for getting in touch with us on behalf of ${company}.`
      : "Thanks for getting in touch with us recently.";
  }
  if (title && company) {
    return industry
      ? `As ${title} at ${company}, you know better than most what ${industry} teams need.`
      : `As ${title} at ${company}, you may be the right person to talk to about this.`;
  }
  if (company && industry) {
    return `I'm reaching out to ${company} because we work with ${industry} companies.`;
  }
  if (company) return `I'm reaching out to you at ${company}.`;
  if (title) return `I'm reaching out to you in your role as ${title}.`;
  if (city) return `I'm reaching out to a few teams in ${city}.`;
  return "I hope this message finds you well.";
}
