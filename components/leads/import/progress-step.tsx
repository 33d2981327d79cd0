"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { ImportCounts, ImportProgressBar } from "./import-counts";
import { isActive, useCancelImport, useImportJob, type ImportJob } from "./use-import-job";

/** Step 4: the import running on the server, polled every second, with a way to stop it. */
export function ProgressStep({
  jobId,
  onFinished,
}: {
  jobId: string;
  onFinished: (job: ImportJob) => void;
}) {
  const job = useImportJob(jobId);
  const cancel = useCancelImport();
  const data = job.data;
  const finished = !!data && !isActive(data);
  useEffect(() => {
    if (finished) onFinished(data);
  }, [finished, data, onFinished]);

  return (
    <div className="space-y-5">
      {job.error && <Alert tone="error">{errorMessage(job.error)}</Alert>}
      {cancel.error && <Alert tone="error">{errorMessage(cancel.error)}</Alert>}
      {data ? (
        <>
          <ImportProgressBar
            job={data}
            label={data.status === "queued" ? "Waiting to start…" : "Importing…"}
          />
          <ImportCounts job={data} />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Starting the import…</p>
      )}
      <div className="flex justify-end border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button
          variant="secondary"
          onClick={() => cancel.mutate(jobId)}
          loading={cancel.isPending}
          disabled={!data || finished}
        >
          Cancel import
        </Button>
      </div>
    </div>
  );
}
