"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { ImportCounts, ImportErrors, ImportProgressBar } from "./import-counts";
import { errorsCsvUrl, isActive, useImportJob } from "./use-import-job";

/** Step 3: what the import would do, from a dry run of the whole file on the server. */
export function DryRunStep({
  jobId,
  onBack,
  onRun,
  starting,
  startError,
}: {
  jobId: string;
  onBack: () => void;
  onRun: () => void;
  starting: boolean;
  startError: unknown;
}) {
  const job = useImportJob(jobId);
  const data = job.data;
  const active = isActive(data);
  const done = data?.status === "completed";
  const toImport = data ? data.created + data.updated : 0;
  return (
    <div className="space-y-5">
      {job.error && <Alert tone="error">{errorMessage(job.error)}</Alert>}
      {(!data || active) && (
        <div aria-live="polite">
          {data ? (
            <ImportProgressBar job={data} label="Checking rows…" />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Starting the dry run…</p>
          )}
        </div>
      )}
      {data && !active && !done && (
        <Alert tone="error">
          The dry run {data.status}
          {data.error ? `: ${data.error}` : "."}
        </Alert>
      )}
      {done && (
        <div className="space-y-4" aria-live="polite">
          <p className="text-sm">
            Nothing has been written yet. This is what importing{" "}
            {data.totalRows?.toLocaleString() ?? data.rowsProcessed.toLocaleString()} rows would do:
          </p>
          <ImportCounts job={data} />
          <ImportErrors job={data} />
          {data.failed > 0 && (
            <p className="text-sm">
              <a
                href={errorsCsvUrl(data.id)}
                download
                className="font-medium text-brand-700 underline hover:no-underline dark:text-brand-500"
              >
                {data.failed === 1
                  ? "Download the error row (CSV)"
                  : `Download all ${data.failed.toLocaleString()} error rows (CSV)`}
              </a>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                — rows that fail are left out; fix them and import them again later.
              </span>
            </p>
          )}
        </div>
      )}
      {startError !== null && startError !== undefined && (
        <Alert tone="error">{errorMessage(startError)}</Alert>
      )}
      <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button variant="secondary" onClick={onBack} disabled={starting}>
          Back to mapping
        </Button>
        <Button onClick={onRun} disabled={!done || toImport === 0} loading={starting}>
          {done
            ? `Import ${toImport.toLocaleString()} ${toImport === 1 ? "lead" : "leads"}`
            : "Import"}
        </Button>
      </div>
    </div>
  );
}
