"use client";

import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useLeadOptions } from "@/lib/client/lead-hooks";
import { IMPORT_MODE_CHOICES, MULTI_COLUMN_FIELDS, importFieldLabel } from "./import-fields";
import { FileSummary, type UploadedFile } from "./upload-step";
import type { ColumnFieldMap, ImportMode } from "./use-import-job";

/** Columns that claim a field another column already took (the API refuses those too). */
export function duplicateMappings(mapping: ColumnFieldMap): Map<string, string> {
  const firstByField = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field || MULTI_COLUMN_FIELDS.has(field)) continue;
    const first = firstByField.get(field);
    if (first) clashes.set(header, first);
    else firstByField.set(field, header);
  }
  return clashes;
}

/** Step 2: confirm or correct where each column goes, and how matching leads are handled. */
export function MappingStep({
  upload,
  mapping,
  onMappingChange,
  mode,
  onModeChange,
  error,
  busy,
  onBack,
  onStart,
}: {
  upload: UploadedFile;
  mapping: ColumnFieldMap;
  onMappingChange: (mapping: ColumnFieldMap) => void;
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  error: unknown;
  busy: "dry-run" | "import" | null;
  onBack: () => void;
  onStart: (dryRun: boolean) => void;
}) {
  const options = useLeadOptions();
  const customLabels = useMemo(
    () => new Map((options.data?.customFields ?? []).map((f) => [f.key, f.label])),
    [options.data],
  );
  const { preview, proposal } = upload;
  const standard = proposal.fields.filter((f) => !f.startsWith("custom."));
  const custom = proposal.fields.filter((f) => f.startsWith("custom."));
  const confidence = new Map(proposal.columns.map((c) => [c.header, c]));
  const clashes = duplicateMappings(mapping);
  const mappedCount = Object.values(mapping).filter(Boolean).length;
  const apiError = error instanceof ApiError ? error : undefined;
  const invalid = clashes.size > 0 || mappedCount === 0;

  return (
    <div className="space-y-5">
      <FileSummary file={upload.file} preview={preview} />
      {error !== null && error !== undefined && <Alert tone="error">{errorMessage(error)}</Alert>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="sr-only">Column mapping</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Column in file
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Sample values
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Import as
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {preview.headers.map((header, index) => {
              const field = mapping[header] ?? null;
              const proposed = confidence.get(header);
              const message =
                apiError?.fieldError(`mapping.${header}`) ??
                (clashes.has(header)
                  ? `Already imported from "${clashes.get(header)}"`
                  : undefined);
              const selectId = `map-${index}`;
              const samples = preview.samples
                .map((row) => row[index]?.trim())
                .filter((v): v is string => !!v);
              return (
                <tr key={`${index}-${header}`}>
                  <th scope="row" className="px-3 py-2 align-top font-medium">
                    <label htmlFor={selectId}>{header}</label>
                    {field && proposed?.field === field && proposed.confidence && (
                      <span className="ml-2">
                        <Badge tone={proposed.confidence === "exact" ? "green" : "amber"}>
                          {proposed.confidence === "exact" ? "Matched" : "Suggested"}
                        </Badge>
                      </span>
                    )}
                  </th>
                  <td className="max-w-56 px-3 py-2 align-top text-slate-600 dark:text-slate-400">
                    {samples.length ? (
                      <ul className="space-y-0.5">
                        {samples.map((s, i) => (
                          <li key={i} className="truncate" title={s}>
                            {s}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="italic">empty</span>
                    )}
                  </td>
                  <td className="px-3 py-2 align-top">
                    <select
                      id={selectId}
                      className={`${inputClass} min-w-48`}
                      value={field ?? ""}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${selectId}-error` : undefined}
                      onChange={(e) =>
                        onMappingChange({ ...mapping, [header]: e.target.value || null })
                      }
                    >
                      <option value="">Don&apos;t import</option>
                      <optgroup label="Lead fields">
                        {standard.map((f) => (
                          <option key={f} value={f}>
                            {importFieldLabel(f, customLabels)}
                          </option>
                        ))}
                      </optgroup>
                      {custom.length > 0 && (
                        <optgroup label="Custom fields">
                          {custom.map((f) => (
                            <option key={f} value={f}>
                              {importFieldLabel(f, customLabels)}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </select>
                    {message && (
                      <p
                        id={`${selectId}-error`}
                        className="mt-1 text-xs text-red-600 dark:text-red-400"
                      >
                        {message}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {mappedCount === 0 && (
        <Alert tone="error">Choose a lead field for at least one column.</Alert>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          When a row&apos;s email matches an existing lead
        </legend>
        {IMPORT_MODE_CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="mode"
              value={choice.value}
              checked={mode === choice.value}
              onChange={() => onModeChange(choice.value)}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>
              <span className="font-medium">{choice.label}</span>
              <span className="block text-slate-600 dark:text-slate-400">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button variant="secondary" onClick={onBack} disabled={!!busy}>
          Choose another file
        </Button>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => onStart(false)}
            disabled={invalid || !!busy}
            loading={busy === "import"}
          >
            Import without checking
          </Button>
          <Button
            onClick={() => onStart(true)}
            disabled={invalid || !!busy}
            loading={busy === "dry-run"}
          >
            Check with a dry run
          </Button>
        </div>
      </div>
    </div>
  );
}
