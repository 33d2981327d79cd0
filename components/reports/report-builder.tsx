"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { REPORT_CATALOG, REPORT_DATASETS, type ReportDataset } from "@/lib/reports/report-catalog";
import type { ReportDefinitionInput } from "@/lib/reports/report-definition";
import type { ReportResult, SavedReportDto } from "@/lib/reports/report-schemas";
import { ReportSchedule } from "./report-schedule";
import { ReportTable, formatReportValue } from "./report-table";

const NONE = "";
// The analytics ranges (lib/analytics/analytics-filters.ts is server code).
const ANALYTICS_RANGES = ["7d", "30d", "90d", "12m", "ytd"] as const;

interface BuilderState {
  dataset: ReportDataset;
  dimensions: string[];
  metrics: string[];
  filterField: string;
  filterValues: string;
  range: (typeof ANALYTICS_RANGES)[number];
  from: string;
  to: string;
  limit: number;
}

function fromDefinition(def: SavedReportDto["definition"] | undefined): BuilderState {
  const filter = def?.filters[0];
  return {
    dataset: def?.dataset ?? "leads",
    dimensions: def?.dimensions ?? ["status"],
    metrics: def?.metrics ?? ["count"],
    filterField: filter?.field ?? NONE,
    filterValues: filter ? [filter.value].flat().join(", ") : "",
    range: def?.period.range ?? "30d",
    from: def?.period.from ?? "",
    to: def?.period.to ?? "",
    limit: def?.limit ?? 100,
  };
}

function toDefinition(s: BuilderState): ReportDefinitionInput {
  const values = s.filterValues
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return {
    dataset: s.dataset,
    dimensions: s.dimensions.filter(Boolean),
    metrics: s.metrics,
    filters:
      s.filterField && values.length ? [{ field: s.filterField, op: "in", value: values }] : [],
    period: {
      range: s.range,
      ...(s.from ? { from: s.from } : {}),
      ...(s.to ? { to: s.to } : {}),
    },
    limit: s.limit,
    chart: s.dimensions.filter(Boolean).length ? "bar" : "table",
  };
}

/** Build a report from the catalog, run it (table and chart), save it, schedule and export it. */
export function ReportBuilder({ saved, canWrite }: { saved?: SavedReportDto; canWrite: boolean }) {
  const router = useRouter();
  const client = useQueryClient();
  const [state, setState] = useState<BuilderState>(() => fromDefinition(saved?.definition));
  const [name, setName] = useState(saved?.name ?? "");
  const catalog = REPORT_CATALOG[state.dataset];
  const dims = Object.entries(catalog.dimensions) as [string, { label: string; type: string }][];
  const metrics = Object.entries(catalog.metrics) as [string, { label: string }][];
  const set = (patch: Partial<BuilderState>) => setState((s) => ({ ...s, ...patch }));

  const run = useMutation({
    mutationFn: () =>
      apiFetch<ReportResult>("/reports/generate", {
        body: { definition: toDefinition(state) },
      }),
  });
  const save = useMutation({
    mutationFn: () =>
      saved
        ? apiFetch<SavedReportDto>(`/reports/${saved.id}`, {
            method: "PUT",
            body: { name, definition: toDefinition(state) },
          })
        : apiFetch<SavedReportDto>("/reports", {
            body: { name, definition: toDefinition(state) },
          }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: ["reports"] });
      if (!saved) router.push(`/reports/${report.id}`);
    },
  });

  const changeDataset = (dataset: ReportDataset) =>
    set({
      dataset,
      dimensions: [],
      metrics: ["count"],
      filterField: NONE,
      filterValues: "",
    });
  const toggleMetric = (key: string, on: boolean) =>
    set({
      metrics: on
        ? [...state.metrics, key]
        : state.metrics.filter((m) => m !== key).length
          ? state.metrics.filter((m) => m !== key)
          : state.metrics,
    });
  const dimOptions = [
    { value: NONE, label: "—" },
    ...dims.map(([value, d]) => ({ value, label: d.label })),
  ];
  const result = run.data;
  const firstDim = result?.columns.find((c) => c.role === "dimension");
  const firstMetric = result?.columns.find((c) => c.role === "metric");

  return (
    <div className="space-y-6">
      <Card title={saved ? saved.name : "New report"} description={catalog.description}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate();
          }}
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="Dataset"
              value={state.dataset}
              onChange={(e) => changeDataset(e.target.value as ReportDataset)}
              options={REPORT_DATASETS.map((d) => ({ value: d, label: REPORT_CATALOG[d].label }))}
            />
            <SelectField
              label="Group by"
              value={state.dimensions[0] ?? NONE}
              onChange={(e) => set({ dimensions: [e.target.value, state.dimensions[1] ?? ""] })}
              options={dimOptions}
            />
            <SelectField
              label="Then by"
              value={state.dimensions[1] ?? NONE}
              onChange={(e) => set({ dimensions: [state.dimensions[0] ?? "", e.target.value] })}
              options={dimOptions}
            />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
              Metrics
            </legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {metrics.map(([key, m]) => (
                <label key={key} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={state.metrics.includes(key)}
                    onChange={(e) => toggleMetric(key, e.target.checked)}
                  />
                  {m.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-4">
            <SelectField
              label="Period"
              value={state.range}
              onChange={(e) => set({ range: e.target.value as BuilderState["range"] })}
              options={ANALYTICS_RANGES.map((r) => ({ value: r, label: `Last ${r}` }))}
            />
            <Field
              label="From"
              type="date"
              value={state.from}
              onChange={(e) => set({ from: e.target.value })}
            />
            <Field
              label="To"
              type="date"
              value={state.to}
              onChange={(e) => set({ to: e.target.value })}
            />
            <Field
              label="Row limit"
              type="number"
              min={1}
              max={1000}
              value={state.limit}
              onChange={(e) => set({ limit: Number(e.target.value) || 100 })}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="Filter field"
              value={state.filterField}
              onChange={(e) => set({ filterField: e.target.value })}
              options={[
                { value: NONE, label: "No filter" },
                ...dims
                  .filter(([, d]) => d.type === "string")
                  .map(([value, d]) => ({ value, label: d.label })),
              ]}
            />
            <Field
              label="Filter values"
              hint="Comma-separated values (slugs or ids)"
              value={state.filterValues}
              onChange={(e) => set({ filterValues: e.target.value })}
              disabled={!state.filterField}
            />
          </div>
          {run.error && <Alert tone="error">{errorMessage(run.error)}</Alert>}
          <div className="flex flex-wrap items-end gap-3">
            <Button type="submit" disabled={run.isPending}>
              {run.isPending ? "Running…" : "Run"}
            </Button>
            {canWrite && (
              <>
                <Field
                  label="Report name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={200}
                />
                <Button
                  type="button"
                  variant="secondary"
                  disabled={!name.trim() || save.isPending}
                  onClick={() => save.mutate()}
                >
                  {saved ? "Save changes" : "Save"}
                </Button>
              </>
            )}
          </div>
          {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
          {save.isSuccess && saved && <Alert tone="success">Saved.</Alert>}
        </form>
      </Card>

      {saved && (
        <Card title="Export and schedule">
          <div className="flex flex-wrap gap-3">
            {(["csv", "xlsx", "pdf"] as const).map((format) => (
              <a
                key={format}
                href={`/api/v1/reports/${saved.id}/export?format=${format}`}
                download
                className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                Export {format.toUpperCase()}
              </a>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Exports run the saved version of the report with your visibility.
          </p>
          {canWrite && <ReportSchedule report={saved} />}
        </Card>
      )}

      {result && (
        <Card
          title="Result"
          description={`${result.rows.length} row${result.rows.length === 1 ? "" : "s"}${result.truncated ? " (more exist than the limit shows)" : ""} · amounts in ${result.currency}`}
        >
          {firstDim && firstMetric && result.rows.length > 0 && (
            <BarChart
              title={`${firstMetric.label} by ${firstDim.label.toLowerCase()}`}
              headingLevel={3}
              data={result.rows}
              label={(r) => String(r[firstDim.key] ?? "")}
              value={(r) => Number(r[firstMetric.key] ?? 0)}
              format={(v) => formatReportValue(v, firstMetric.type)}
              categoryLabel={firstDim.label}
              valueLabel={firstMetric.label}
              orientation={firstDim.type === "date" ? "vertical" : "horizontal"}
              className="mb-6"
            />
          )}
          <ReportTable result={result} />
        </Card>
      )}
    </div>
  );
}

/** Used by the list to open a report. */
export function useSavedReports() {
  return useQuery({
    queryKey: ["reports", "list"],
    queryFn: ({ signal }) =>
      apiFetch<{ data: SavedReportDto[]; nextCursor: string | null }>("/reports", {
        query: { limit: 100 },
        signal,
      }),
  });
}
