import { and, sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import { REPORT_CATALOG, type CatalogDimension, type CatalogMetric } from "./report-catalog";
import type { ReportDefinition } from "./report-definition";
import type { ReportColumn, ReportResult } from "./report-schemas";
import { REPORT_SQL, dimensionSql, inList, type SqlEnv } from "./report-sql";
import { NONE_LABEL, labelsFor } from "./report-labels";

type Cell = string | number | null;

const MONEY_METRICS = new Set(["sum_value", "avg_value", "median_value", "won_value"]);

/**
 * Run a report definition as the caller: the registry supplies every piece of SQL, the analytics
 * scope decides whose rows count (reps their own, managers their team's), and every value from the
 * definition is a bound parameter. `now` is injectable so tests get exact periods.
 */
export async function generateReport(
  ctx: Ctx,
  definition: ReportDefinition,
  now = new Date(),
): Promise<ReportResult> {
  assertCan(ctx, "reports:read");
  const scope = await resolveAnalyticsScope(ctx, { ...definition.period, interval: "day" }, now);
  const currency = await organizationCurrency(ctx.db, ctx.orgId);
  const env: SqlEnv = {
    orgId: ctx.orgId,
    currency,
    perCurrency: definition.dimensions.includes("currency"),
  };
  const dataset = REPORT_SQL[definition.dataset];
  const catalog = REPORT_CATALOG[definition.dataset];
  const catalogDims = catalog.dimensions as Record<string, CatalogDimension>;
  const catalogMetrics = catalog.metrics as Record<string, CatalogMetric>;

  const dims = definition.dimensions.map((key) => ({
    key,
    spec: dataset.dimensions[key]!,
    expr: dimensionSql(dataset.dimensions[key]!, env),
  }));
  const metrics = definition.metrics.map((key) => ({ key, expr: dataset.metrics[key]!(env) }));

  const conditions: SQL[] = [...dataset.where(scope, env)];
  for (const filter of definition.filters) {
    const expr = dimensionSql(dataset.dimensions[filter.field]!, env);
    const values = Array.isArray(filter.value) ? filter.value : [filter.value];
    conditions.push(inList(sql`(${expr})`, values));
  }
  const where = and(...conditions)!;

  const metricSelect = metrics.map((m, i) => sql`${m.expr} as ${sql.raw(`m${i}`)}`);
  const dimSelect = dims.map((d, i) => sql`${d.expr} as ${sql.raw(`d${i}`)}`);
  const groupBy = dims.length
    ? sql` group by ${sql.raw(dims.map((_, i) => String(i + 1)).join(", "))}`
    : sql``;
  const rows = await queryRows<Record<string, Cell>>(
    ctx.db,
    sql`select ${sql.join([...dimSelect, ...metricSelect], sql`, `)}
          from ${dataset.from} where ${where}${groupBy}
          ${orderBy(definition, catalogDims)}
          limit ${definition.limit + 1}`,
  );
  const [totalsRow] = await queryRows<Record<string, Cell>>(
    ctx.db,
    sql`select ${sql.join(metricSelect, sql`, `)} from ${dataset.from} where ${where}`,
  );

  const truncated = rows.length > definition.limit;
  const shown = rows.slice(0, definition.limit);
  const labels = await Promise.all(
    dims.map((d, i) =>
      labelsFor(
        ctx,
        d.spec.labels,
        [...new Set(shown.map((r) => r[`d${i}`]))].filter((v): v is string => v !== null),
      ),
    ),
  );

  const columns: ReportColumn[] = [
    ...dims.map((d) => ({
      key: d.key,
      label: catalogDims[d.key]!.label,
      type: catalogDims[d.key]!.type,
      role: "dimension" as const,
      valueKey: `${d.key}Value`,
    })),
    ...metrics.map((m) => ({
      key: m.key,
      label: catalogMetrics[m.key]!.label,
      type: catalogMetrics[m.key]!.type,
      role: "metric" as const,
    })),
  ];

  return {
    columns,
    rows: shown.map((row) => {
      const out: Record<string, Cell> = {};
      dims.forEach((d, i) => {
        const value = row[`d${i}`] === null ? null : String(row[`d${i}`]);
        out[d.key] = value === null ? NONE_LABEL : (labels[i]!.get(value) ?? value);
        out[`${d.key}Value`] = value;
      });
      metrics.forEach((m, i) => (out[m.key] = toNumber(row[`m${i}`])));
      return out;
    }),
    totals: Object.fromEntries(metrics.map((m, i) => [m.key, toNumber(totalsRow?.[`m${i}`])])),
    truncated,
    period: {
      from: scope.period.from.toISOString(),
      to: scope.period.to.toISOString(),
      previousFrom: scope.period.previousFrom.toISOString(),
      previousTo: scope.period.previousTo.toISOString(),
    },
    currency,
    byCurrency:
      definition.dataset === "deals" &&
      !env.perCurrency &&
      definition.metrics.some((m) => MONEY_METRICS.has(m))
        ? await otherCurrencies(ctx, dataset.from, where, env)
        : [],
    generatedAt: new Date().toISOString(),
  };
}

/**
 * A chosen sort first; otherwise time buckets in order, categories by their first metric (largest
 * first). The dimensions always break ties, so the same data always gives the same rows.
 */
function orderBy(definition: ReportDefinition, dims: Record<string, CatalogDimension>): SQL {
  const alias = (key: string) => {
    const d = definition.dimensions.indexOf(key);
    return d >= 0 ? `d${d}` : `m${definition.metrics.indexOf(key)}`;
  };
  const parts: string[] = [];
  if (definition.sort) {
    parts.push(`${alias(definition.sort.by)} ${definition.sort.direction} nulls last`);
  } else if (definition.dimensions.length && dims[definition.dimensions[0]!]!.type !== "date") {
    parts.push("m0 desc nulls last");
  }
  definition.dimensions.forEach((_, i) => parts.push(`d${i} asc nulls last`));
  return parts.length ? sql.raw(`order by ${parts.join(", ")}`) : sql``;
}

/** Deals in other currencies than the organization's: summed apart, never converted. */
async function otherCurrencies(
  ctx: Ctx,
  from: SQL,
  where: SQL,
  env: SqlEnv,
): Promise<{ currency: string; amount: number }[]> {
  const currency = sql`coalesce(l.deal_currency, ${env.currency})`;
  const rows = await queryRows<{ currency: string; amount: number | string }>(
    ctx.db,
    sql`select ${currency} as currency, sum(l.deal_value)::float8 as amount
          from ${from} where ${where} and ${currency} <> ${env.currency}
         group by 1 order by 1`,
  );
  return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
}

function toNumber(value: Cell | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : Number(value);
}
