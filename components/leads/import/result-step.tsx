"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportCounts, ImportErrors } from "./import-counts";
import { errorsCsvUrl, useImportJob } from "./use-import-job";

const linkClass = "inline-flex h-9 items-center rounded-lg px-3.5 text-sm font-medium";

/** Step 5: what the import did, where the failed rows are, and where to go next. */
export function ResultStep({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const { data } = useImportJob(jobId);
  if (!data) return null;
  const outcome =
    data.status === "completed"
      ? { tone: "success" as const, text: `Import of ${data.fileName ?? "the file"} finished.` }
      : data.status === "cancelled"
        ? {
            tone: "info" as const,
            text: "The import was cancelled. Rows imported before that were kept.",
          }
        : {
            tone: "error" as const,
            text: `The import failed${data.error ? `: ${data.error}` : "."} Rows imported before that were kept.`,
          };
  return (
    <div className="space-y-5">
      <Alert tone={outcome.tone}>{outcome.text}</Alert>
      <ImportCounts job={data} />
      <ImportErrors job={data} />
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        {data.failed > 0 && (
          <a
            href={errorsCsvUrl(data.id)}
            download
            className={`${linkClass} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`}
          >
            Download error rows
          </a>
        )}
        <Link href="/leads" className={`${linkClass} bg-brand-600 text-white hover:bg-brand-700`}>
          View imported leads
        </Link>
        <Button variant="secondary" onClick={onAgain}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
