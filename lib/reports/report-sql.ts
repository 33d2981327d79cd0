import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsScope } from "@/lib/analytics/analytics-filters";
import type { ReportDataset } from "./report-catalog";

/**
 * The SQL behind every key of the report catalog, and nothing else: a definition only selects
 * entries of these tables by name, and every value it carries is bound as a parameter.
 */

/** How a dimension's machine value is turned into the label people read. */
export type LabelKind = "status" | "source" | "industry" | "user" | "campaign" | "step" | "enum";

export interface SqlDimension {
  /** A text expression (time buckets as "YYYY-MM-DD"). */
  expr: SQL | ((env: SqlEnv) => SQL);
  labels?: LabelKind;
}

/** Inputs a dataset's SQL needs besides the scope: the organization's currency for money. */
export interface SqlEnv {
  orgId: string;
  currency: string;
  /** Money metrics only count deals in the organization currency unless grouped by currency. */
  perCurrency: boolean;
}

export interface SqlDataset {
  from: SQL;
  where: (scope: AnalyticsScope, env: SqlEnv) => SQL[];
  dimensions: Record<string, SqlDimension>;
  metrics: Record<string, (env: SqlEnv) => SQL>;
}

const bucket = (unit: "day" | "week" | "month", column: SQL): SQL =>
  sql`to_char(date_trunc(${sql.raw(`'${unit}'`)}, ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

const ratio = (numerator: SQL, denominator: SQL): SQL =>
  sql`(${numerator})::float8 / nullif(${denominator}, 0)`;

const inList = (column: SQL, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** The analytics scope applied to a lead column set (owner, source, campaign membership). */
function leadScopeConditions(scope: AnalyticsScope, orgId: string): SQL[] {
  const out: SQL[] = [];
  if (scope.ownerIds) out.push(inList(sql`l.owner_id::text`, scope.ownerIds));
  if (scope.sources) out.push(inList(sql`l.source`, scope.sources));
  if (scope.campaignId)
    out.push(sql`exists (select 1 from campaign_recipients cr
      where cr.organization_id = ${orgId} and cr.campaign_id = ${scope.campaignId} and cr.lead_id = l.id)`);
  return out;
}

const inPeriod = (column: SQL, scope: AnalyticsScope): SQL =>
  sql`${column} >= ${scope.period.from.toISOString()}::timestamptz and ${column} < ${scope.period.to.toISOString()}::timestamptz`;

const statusJoin = sql`left join lead_options so on so.organization_id = l.organization_id
  and so.kind = 'status' and so.value = l.status`;

const WON = sql`so.category = 'won'`;
const LOST = sql`so.category = 'lost'`;

const leadsDataset: SqlDataset = {
  from: sql`leads l ${statusJoin}`,
  where: (scope, env) => [
    sql`l.organization_id = ${env.orgId}`,
    sql`l.deleted_at is null`,
    inPeriod(sql`l.created_at`, scope),
    ...leadScopeConditions(scope, env.orgId),
  ],
  dimensions: {
    status: { expr: sql`l.status`, labels: "status" },
    status_category: { expr: sql`coalesce(so.category, 'open')`, labels: "enum" },
    source: { expr: sql`l.source`, labels: "source" },
    industry: { expr: sql`l.industry`, labels: "industry" },
    owner: { expr: sql`l.owner_id::text`, labels: "user" },
    temperature: { expr: sql`l.temperature`, labels: "enum" },
    country: { expr: sql`l.country` },
    created_day: { expr: bucket("day", sql`l.created_at`) },
    created_week: { expr: bucket("week", sql`l.created_at`) },
    created_month: { expr: bucket("month", sql`l.created_at`) },
  },
  metrics: {
    count: () => sql`count(*)::int`,
    won: () => sql`(count(*) filter (where ${WON}))::int`,
    win_rate: () => ratio(sql`count(*) filter (where ${WON})`, sql`count(*)`),
    avg_score: () => sql`avg(coalesce(l.score_override, l.score))::float8`,
    contacted: () => sql`(count(*) filter (where l.last_contacted_at is not null))::int`,
  },
};

/** A deal without a currency is in the organization's. */
const dealCurrency = (env: SqlEnv) => sql`coalesce(l.deal_currency, ${env.currency})`;

const inOrgCurrency = (env: SqlEnv): SQL =>
  env.perCurrency ? sql`true` : sql`${dealCurrency(env)} = ${env.currency}`;

const dealsDataset: SqlDataset = {
  from: sql`leads l ${statusJoin}`,
  where: (scope, env) => [
    sql`l.organization_id = ${env.orgId}`,
    sql`l.deleted_at is null`,
    sql`l.deal_value is not null`,
    inPeriod(sql`coalesce(l.won_at, l.lost_at, l.created_at)`, scope),
    ...leadScopeConditions(scope, env.orgId),
  ],
  dimensions: {
    status: { expr: sql`l.status`, labels: "status" },
    status_category: { expr: sql`coalesce(so.category, 'open')`, labels: "enum" },
    owner: { expr: sql`l.owner_id::text`, labels: "user" },
    source: { expr: sql`l.source`, labels: "source" },
    currency: { expr: dealCurrency },
    won_month: { expr: bucket("month", sql`l.won_at`) },
    expected_close_month: { expr: bucket("month", sql`l.expected_close_date::timestamp`) },
    created_month: { expr: bucket("month", sql`l.created_at`) },
  },
  metrics: {
    count: () => sql`count(*)::int`,
    won: () => sql`(count(*) filter (where ${WON}))::int`,
    win_rate: () =>
      ratio(sql`count(*) filter (where ${WON})`, sql`count(*) filter (where ${WON} or ${LOST})`),
    sum_value: (env) =>
      sql`coalesce(sum(l.deal_value) filter (where ${inOrgCurrency(env)}), 0)::float8`,
    avg_value: (env) => sql`(avg(l.deal_value) filter (where ${inOrgCurrency(env)}))::float8`,
    median_value: (env) =>
      sql`(percentile_cont(0.5) within group (order by l.deal_value) filter (where ${inOrgCurrency(env)}))::float8`,
    won_value: (env) =>
      sql`coalesce(sum(l.deal_value) filter (where ${WON} and ${inOrgCurrency(env)}), 0)::float8`,
  },
};

const HUMAN_REPLY = sql`m.direction = 'inbound' and coalesce(m.inbound_kind, 'human_reply') = 'human_reply'`;

const messagesDataset: SqlDataset = {
  from: sql`conversation_messages m join leads l on l.id = m.lead_id
    left join email_messages e on e.id = m.email_message_id`,
  where: (scope, env) => {
    const out = [
      sql`m.organization_id = ${env.orgId}`,
      sql`l.deleted_at is null`,
      inPeriod(sql`m.occurred_at`, scope),
    ];
    if (scope.ownerIds) out.push(inList(sql`l.owner_id::text`, scope.ownerIds));
    if (scope.sources) out.push(inList(sql`l.source`, scope.sources));
    if (scope.campaignId) out.push(sql`m.campaign_id = ${scope.campaignId}`);
    return out;
  },
  dimensions: {
    direction: { expr: sql`m.direction`, labels: "enum" },
    channel: { expr: sql`m.channel`, labels: "enum" },
    campaign: { expr: sql`m.campaign_id::text`, labels: "campaign" },
    step: { expr: sql`(e.step_index + 1)::text`, labels: "step" },
    author: { expr: sql`m.author`, labels: "enum" },
    owner: { expr: sql`l.owner_id::text`, labels: "user" },
    sent_day: { expr: bucket("day", sql`m.occurred_at`) },
    sent_week: { expr: bucket("week", sql`m.occurred_at`) },
    sent_month: { expr: bucket("month", sql`m.occurred_at`) },
  },
  metrics: {
    count: () => sql`count(*)::int`,
    distinct_leads: () => sql`count(distinct m.lead_id)::int`,
    outbound: () => sql`(count(*) filter (where m.direction = 'outbound'))::int`,
    inbound: () => sql`(count(*) filter (where m.direction = 'inbound'))::int`,
    replies: () => sql`(count(*) filter (where ${HUMAN_REPLY}))::int`,
    reply_rate: () =>
      ratio(
        sql`count(distinct m.lead_id) filter (where ${HUMAN_REPLY})`,
        sql`count(distinct m.lead_id) filter (where m.direction = 'outbound')`,
      ),
  },
};

const activitiesDataset: SqlDataset = {
  from: sql`user_activities a left join leads l on l.id = a.lead_id`,
  where: (scope, env) => {
    const out = [sql`a.organization_id = ${env.orgId}`, inPeriod(sql`a.occurred_at`, scope)];
    // Activities are a member's work: the owner scope picks members, not lead owners.
    if (scope.ownerIds) out.push(inList(sql`a.user_id::text`, scope.ownerIds));
    if (scope.sources) out.push(inList(sql`l.source`, scope.sources));
    if (scope.campaignId)
      out.push(sql`exists (select 1 from campaign_recipients cr
        where cr.organization_id = ${env.orgId} and cr.campaign_id = ${scope.campaignId} and cr.lead_id = a.lead_id)`);
    return out;
  },
  dimensions: {
    kind: { expr: sql`a.kind`, labels: "enum" },
    member: { expr: sql`a.user_id::text`, labels: "user" },
    outcome: { expr: sql`a.outcome`, labels: "enum" },
    occurred_day: { expr: bucket("day", sql`a.occurred_at`) },
    occurred_week: { expr: bucket("week", sql`a.occurred_at`) },
    occurred_month: { expr: bucket("month", sql`a.occurred_at`) },
  },
  metrics: {
    count: () => sql`count(*)::int`,
    distinct_leads: () => sql`count(distinct a.lead_id)::int`,
    members: () => sql`count(distinct a.user_id)::int`,
    total_duration: () => sql`coalesce(sum(a.duration_seconds), 0)::int`,
    avg_duration: () => sql`avg(a.duration_seconds)::float8`,
  },
};

export const REPORT_SQL: Record<ReportDataset, SqlDataset> = {
  leads: leadsDataset,
  deals: dealsDataset,
  messages: messagesDataset,
  activities: activitiesDataset,
};

export { inList };

export function dimensionSql(dimension: SqlDimension, env: SqlEnv): SQL {
  return typeof dimension.expr === "function" ? dimension.expr(env) : dimension.expr;
}
