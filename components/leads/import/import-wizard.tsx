"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { queryKeys } from "@/lib/client/query-keys";
import { DryRunStep } from "./dry-run-step";
import { MappingStep } from "./mapping-step";
import { ProgressStep } from "./progress-step";
import { ResultStep } from "./result-step";
import { UploadStep, type UploadedFile } from "./upload-step";
import {
  useStartImport,
  type ColumnFieldMap,
  type ImportJob,
  type ImportMode,
} from "./use-import-job";

const STEPS = [
  { key: "upload", title: "Upload" },
  { key: "mapping", title: "Map columns" },
  { key: "dry-run", title: "Dry run" },
  { key: "progress", title: "Import" },
  { key: "result", title: "Result" },
] as const;
type Step = (typeof STEPS)[number]["key"];

/**
 * The CSV import, one step at a time: upload → mapping → dry run → import → result. The file
 * stays in the browser between steps, so the dry run and the real import send the same bytes.
 */
export function ImportWizard({ maxBytes }: { maxBytes: number }) {
  const client = useQueryClient();
  const [step, setStep] = useState<Step>("upload");
  const [upload, setUpload] = useState<UploadedFile>();
  const [mapping, setMapping] = useState<ColumnFieldMap>({});
  const [mode, setMode] = useState<ImportMode>("upsert");
  const [dryRunId, setDryRunId] = useState<string>();
  const [runId, setRunId] = useState<string>();
  const dryRun = useStartImport();
  const run = useStartImport();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Keyboard and screen-reader users land on the new step's heading, not at the top of the page.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

  function start(dry: boolean) {
    if (!upload) return;
    const input = { file: upload.file, mode, dryRun: dry, mapping };
    if (dry) {
      dryRun.mutate(input, {
        onSuccess: (job) => {
          setDryRunId(job.id);
          setStep("dry-run");
        },
      });
    } else {
      run.mutate(input, {
        onSuccess: (job) => {
          setRunId(job.id);
          setStep("progress");
        },
      });
    }
  }

  const finished = useCallback(
    (job: ImportJob) => {
      client.invalidateQueries({ queryKey: queryKeys.leads.all });
      client.invalidateQueries({ queryKey: queryKeys.imports.all });
      if (job.id === runId) setStep("result");
    },
    [client, runId],
  );

  function reset() {
    setUpload(undefined);
    setMapping({});
    setMode("upsert");
    setDryRunId(undefined);
    setRunId(undefined);
    dryRun.reset();
    run.reset();
    setStep("upload");
  }

  const index = STEPS.findIndex((s) => s.key === step);
  const current = STEPS[index]!;
  return (
    <Card>
      <ol className="mb-5 flex flex-wrap gap-x-4 gap-y-2 text-sm" aria-label="Import steps">
        {STEPS.map((s, i) => (
          <li
            key={s.key}
            aria-current={i === index ? "step" : undefined}
            className={cn(
              "flex items-center gap-1.5",
              i === index
                ? "font-semibold text-brand-700 dark:text-brand-500"
                : "text-slate-600 dark:text-slate-400",
            )}
          >
            <span
              aria-hidden
              className={cn(
                "flex size-6 items-center justify-center rounded-full text-xs",
                i < index
                  ? "bg-emerald-600 text-white"
                  : i === index
                    ? "bg-brand-600 text-white"
                    : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
              )}
            >
              {i < index ? "✓" : i + 1}
            </span>
            {s.title}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} className="mb-4 text-lg font-semibold focus:outline-none">
        {current.title}
        <span className="sr-only">
          {" "}
          (step {index + 1} of {STEPS.length})
        </span>
      </h2>
      {step === "upload" && (
        <UploadStep
          maxBytes={maxBytes}
          onReady={(u) => {
            setUpload(u);
            setMapping(Object.fromEntries(u.proposal.columns.map((c) => [c.header, c.field])));
            dryRun.reset();
            run.reset();
            setStep("mapping");
          }}
        />
      )}
      {step === "mapping" && upload && (
        <MappingStep
          upload={upload}
          mapping={mapping}
          onMappingChange={setMapping}
          mode={mode}
          onModeChange={setMode}
          error={dryRun.error ?? run.error}
          busy={dryRun.isPending ? "dry-run" : run.isPending ? "import" : null}
          onBack={reset}
          onStart={start}
        />
      )}
      {step === "dry-run" && dryRunId && (
        <DryRunStep
          jobId={dryRunId}
          onBack={() => {
            run.reset();
            dryRun.reset();
            setStep("mapping");
          }}
          onRun={() => start(false)}
          starting={run.isPending}
          startError={run.error}
        />
      )}
      {step === "progress" && runId && <ProgressStep jobId={runId} onFinished={finished} />}
      {step === "result" && runId && <ResultStep jobId={runId} onAgain={reset} />}
    </Card>
  );
}
