"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import { formatFileSize } from "@/lib/client/format";
import { readCsvPreview, type CsvPreview } from "./read-csv-preview";
import { useProposeMapping, type ProposedMapping } from "./use-import-job";

export interface UploadedFile {
  file: File;
  preview: CsvPreview;
  proposal: ProposedMapping;
}

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

/** Step 1: pick or drop a CSV; its header is read here and the server proposes a mapping. */
export function UploadStep({
  onReady,
  maxBytes,
}: {
  onReady: (upload: UploadedFile) => void;
  /** The server's limit (IMPORT_MAX_BYTES), so a too-large file is refused before uploading. */
  maxBytes: number;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState<string>();
  const [error, setError] = useState<string>();
  const propose = useProposeMapping();

  async function accept(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    if (file.size === 0) return setError(`${file.name} is empty.`);
    if (file.size > maxBytes)
      return setError(`${file.name} is larger than ${megabytes(maxBytes)}.`);
    if (!/\.(csv|tsv|txt)$/i.test(file.name) && !/csv|text/.test(file.type)) {
      return setError(`${file.name} doesn't look like a CSV file.`);
    }
    setReading(file.name);
    try {
      const preview = await readCsvPreview(file);
      const proposal = await propose.mutateAsync(preview.headers);
      onReady({ file, preview, proposal });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setReading(undefined);
    }
  }

  return (
    <div className="space-y-4">
      <label
        htmlFor={inputId}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void accept(e.dataTransfer.files[0]);
        }}
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-4 py-10 text-center transition-colors",
          "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 has-[:focus-visible]:ring-offset-2 dark:has-[:focus-visible]:ring-offset-slate-900",
          dragging
            ? "border-brand-500 bg-brand-50 dark:bg-slate-800"
            : "border-slate-300 bg-slate-50 hover:border-brand-500 dark:border-slate-700 dark:bg-slate-950",
        )}
      >
        <span className="text-base font-medium">CSV file</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          Drop a file here or{" "}
          <span className="text-brand-700 underline dark:text-brand-500">browse</span>. Exports from
          HubSpot, Salesforce, Pipedrive and Apollo are mapped automatically.
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Comma, semicolon, tab or pipe separated · UTF-8, UTF-16 or Windows-1252 · up to{" "}
          {megabytes(maxBytes)}
        </span>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          className="sr-only"
          disabled={!!reading}
          onChange={(e) => {
            void accept(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      {reading && (
        <Alert>
          Reading {reading}… <span className="sr-only">Please wait.</span>
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

export function FileSummary({ file, preview }: { file: File; preview: CsvPreview }) {
  const delimiter = preview.delimiter === "\t" ? "tab" : `"${preview.delimiter}"`;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      <span className="font-medium text-slate-900 dark:text-slate-100">{file.name}</span> ·{" "}
      {formatFileSize(file.size)} · {preview.exactRows ? "" : "about "}
      {preview.rows.toLocaleString()} {preview.rows === 1 ? "row" : "rows"} ·{" "}
      {preview.headers.length} columns · separated by {delimiter}
    </p>
  );
}
