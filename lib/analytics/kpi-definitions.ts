/** What each KPI means, exactly as computed (lib/analytics/kpis.ts); shown in the OpenAPI doc. */
export const KPI_DEFINITIONS = `All counts are over the leads in scope (organization, live leads, the owners the caller may see — reps their own, managers their team's — and the source / campaign filters). The period is [from, to) in UTC days; "previous" is the equally long period just before; change = (value − previous) ÷ previous (0 when both are 0, null when previous is 0).

- **new_leads**: leads created in the period.
- **contacted**: leads whose first outbound contact — an outbound message on any channel that did not fail, or a call logged on the lead — falls in the period.
- **reply_rate**: of those contacted leads, the share that have sent a human reply (inbound message that is not an auto-reply, bounce or complaint) since that first contact — a cohort rate, so a past period's rate still grows when its leads answer later; null when none were contacted.
- **qualified**: leads that entered the qualified status for the first time during the period (the status with slug \`qualified\`, or, when the organization has no such status, the first open status after the initial one).
- **won**: leads whose won_at is in the period.
- **revenue**: Σ deal_value of those won leads whose deal is in the organization currency (a deal without a currency is in it); other currencies appear in \`byCurrency\`, never converted.
- **pipeline_value**: Σ deal_value of leads now in an open status (organization currency; others in \`byCurrency\`). A snapshot: previous and change are null.
- **avg_deal_value**: revenue ÷ the number of won leads in the period with a deal value in the organization currency; null when none.
- **win_rate**: won ÷ (won + lost), both by won_at / lost_at in the period; null when neither.
- **speed_to_lead**: median seconds from a lead's creation to its first outbound contact, over leads created in the period that have been contacted (contact before creation counts as 0).

Counts (qualified included), revenue and pipeline are summed from rollup tables that database triggers keep current (lead_daily_rollups, lead_status_rollups); with a campaign filter they are counted from the leads. Speed-to-lead is read from the period's new leads (an index-only scan).`;
