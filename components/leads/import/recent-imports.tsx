"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { errorsCsvUrl, useRecentImports, type ImportJob } from "./use-import-job";

const STATUS_TONE = {
  uploading: "blue",
  queued: "blue",
  running: "blue",
  completed: "green",
  failed: "red",
  cancelled: "neutral",
} as const;

const MODE_LABEL = { create: "Create only", update: "Update only", upsert: "Create and update" };

const columns: Column<ImportJob>[] = [
  {
    key: "file",
    header: "File",
    cell: (i) => (
      <div>
        <p className="font-medium">{i.fileName ?? "Untitled upload"}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {formatDateTime(i.createdAt)} · {MODE_LABEL[i.mode]}
        </p>
      </div>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (i) => (
      <div className="flex flex-wrap gap-1">
        <Badge tone={STATUS_TONE[i.status]}>
          {i.status === "running" ? `running ${Math.round(i.progress * 100)}%` : i.status}
        </Badge>
        {i.dryRun && <Badge tone="amber">dry run</Badge>}
      </div>
    ),
  },
  {
    key: "rows",
    header: "Rows",
    className: "tabular-nums",
    cell: (i) => (i.totalRows ?? 0).toLocaleString(),
  },
  {
    key: "outcome",
    header: "Created · updated · skipped",
    className: "tabular-nums",
    cell: (i) => `${i.created} · ${i.updated} · ${i.skipped}`,
  },
  {
    key: "failed",
    header: "Failed",
    cell: (i) =>
      i.failed > 0 ? (
        <a
          href={errorsCsvUrl(i.id)}
          download
          className="relative text-red-700 underline hover:no-underline dark:text-red-400"
        >
          {i.failed.toLocaleString()}
          <span className="sr-only"> — download error rows of {i.fileName ?? "this import"}</span>
        </a>
      ) : (
        "0"
      ),
  },
];

/** The latest imports (an admin sees everyone's), refreshed while any of them is running. */
export function RecentImports() {
  const imports = useRecentImports();
  return (
    <Card title="Recent imports" description="The last ten imports and dry runs.">
      {imports.error && <Alert tone="error">{errorMessage(imports.error)}</Alert>}
      <DataTable
        caption="Recent imports"
        columns={columns}
        rows={imports.data}
        rowKey={(i) => i.id}
        loading={imports.isLoading}
        empty="No imports yet."
      />
    </Card>
  );
}
