import { z } from "zod";
import { analyticsFilterShape } from "@/lib/analytics/analytics-filters";
import {
  REPORT_CATALOG,
  REPORT_DATASETS,
  isFilterable,
  type CatalogDimension,
  type CatalogMetric,
} from "./report-catalog";

export const REPORT_MAX_ROWS = 1000;
export const REPORT_CHARTS = ["table", "bar", "line"] as const;

const key = z.string().min(1).max(60);

/** The analytics scope of a report (period, owners/team, sources, campaign); no time-series interval. */
const { interval: _interval, ...periodShape } = analyticsFilterShape;
export const reportPeriodSchema = z
  .strictObject(periodShape)
  .meta({ id: "ReportPeriod", description: "The analytics filters (see AnalyticsQuery)" });

export const reportFilterSchema = z
  .strictObject({
    field: key.meta({ description: "A category dimension of the dataset" }),
    op: z.enum(["eq", "in"]).default("eq"),
    value: z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(100)]),
  })
  .meta({ id: "ReportFilter" });

/**
 * A custom report: one of the catalog's datasets, up to two dimensions, its metrics, filters on its
 * fields, the period and scope. Only names are sent — the SQL comes from the registry — so nothing
 * a client writes ever reaches a query except as a bound parameter.
 */
export const reportDefinitionSchema = z
  .strictObject({
    dataset: z.enum(REPORT_DATASETS),
    dimensions: z.array(key).max(2).default([]),
    metrics: z.array(key).min(1).max(10),
    filters: z.array(reportFilterSchema).max(20).default([]),
    period: reportPeriodSchema.default({ range: "30d" }),
    sort: z
      .strictObject({
        by: key.meta({ description: "One of the report's dimensions or metrics" }),
        direction: z.enum(["asc", "desc"]).default("desc"),
      })
      .optional(),
    limit: z.int().min(1).max(REPORT_MAX_ROWS).default(100),
    chart: z.enum(REPORT_CHARTS).default("table"),
  })
  .superRefine((def, ctx) => {
    const catalog = REPORT_CATALOG[def.dataset];
    const dims = catalog.dimensions as Record<string, CatalogDimension>;
    const metrics = catalog.metrics as Record<string, CatalogMetric>;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    def.dimensions.forEach((d, i) => {
      if (!Object.hasOwn(dims, d)) issue(["dimensions", i], `Unknown dimension of ${def.dataset}`);
      else if (def.dimensions.indexOf(d) !== i) issue(["dimensions", i], "Listed twice");
    });
    def.metrics.forEach((m, i) => {
      if (!Object.hasOwn(metrics, m)) issue(["metrics", i], `Unknown metric of ${def.dataset}`);
      else if (def.metrics.indexOf(m) !== i) issue(["metrics", i], "Listed twice");
    });
    def.filters.forEach((f, i) => {
      if (!isFilterable(def.dataset, f.field))
        issue(["filters", i, "field"], `Not a filterable field of ${def.dataset}`);
      if (f.op === "eq" && Array.isArray(f.value))
        issue(["filters", i, "value"], "`eq` takes one value; use `in` for a list");
    });
    if (def.sort && !def.dimensions.includes(def.sort.by) && !def.metrics.includes(def.sort.by))
      issue(["sort", "by"], "Sort by one of the report's dimensions or metrics");
  })
  .meta({ id: "ReportDefinition" });

export type ReportDefinition = z.output<typeof reportDefinitionSchema>;
export type ReportDefinitionInput = z.input<typeof reportDefinitionSchema>;
