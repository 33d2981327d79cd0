import { getActivityReport } from "@/lib/analytics/people/activity-report";
import { getSalespersonReport } from "@/lib/analytics/people/salesperson-report";
import { analyticsView } from "./view-table";

/** GET /reports/salesperson-report: one line per member in scope. */
export const salespeopleView = analyticsView("Salesperson report", getSalespersonReport, (r) => ({
  period: r.period,
  currency: r.currency,
  columns: [
    { key: "name", label: "Member", kind: "string" },
    { key: "email", label: "Email", kind: "string" },
    { key: "leadsAssigned", label: "Leads assigned", kind: "integer" },
    { key: "contacted", label: "Contacted", kind: "integer" },
    { key: "converted", label: "Converted", kind: "integer" },
    { key: "conversionRate", label: "Conversion rate", kind: "ratio" },
    { key: "won", label: "Deals won", kind: "integer" },
    { key: "wonValue", label: "Won value", kind: "money" },
    { key: "averageDealValue", label: "Average deal", kind: "money" },
    { key: "pipelineValue", label: "Open pipeline", kind: "money" },
    { key: "openDeals", label: "Open deals", kind: "integer" },
    { key: "medianResponseSeconds", label: "Median response (s)", kind: "duration" },
    { key: "repliesAnswered", label: "Replies answered", kind: "integer" },
    { key: "calls", label: "Calls", kind: "integer" },
    { key: "emails", label: "Emails", kind: "integer" },
    { key: "wonByCurrency", label: "Won, other currencies", kind: "string" },
  ],
  rows: r.members,
}));

/** GET /reports/activity-report: each member's counts per bucket, then the totals. */
export const activityView = analyticsView("Activity report", getActivityReport, (r) => ({
  period: r.period,
  columns: [
    { key: "name", label: "Member", kind: "string" },
    { key: "bucket", label: `Period (${r.interval})`, kind: "date" },
    { key: "logins", label: "Logins", kind: "integer" },
    { key: "calls", label: "Calls", kind: "integer" },
    { key: "emails", label: "Emails", kind: "integer" },
    { key: "followUps", label: "Follow-ups", kind: "integer" },
    { key: "meetings", label: "Meetings", kind: "integer" },
    { key: "notes", label: "Notes", kind: "integer" },
  ],
  rows: r.members.flatMap((m) => m.series.map((b) => ({ name: m.name, ...b }))),
  totals: r.totals,
}));
