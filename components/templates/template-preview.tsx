"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LeadPicker, type LeadDto } from "@/components/settings/scoring/lead-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";
import type { Finding, Rendered } from "./template-types";

export interface Draft {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders the unsaved draft through POST /templates/render for a real lead the user picks, and
 * shows what the server's validation finds. The HTML goes into a fully sandboxed iframe so
 * nothing in a template can run scripts or reach the app.
 */
export function TemplatePreview({
  draft,
  lead: chosenLead,
  onLeadChange,
}: {
  draft: Draft;
  /** When given, the lead is kept by the caller (e.g. so a test send uses it too). */
  lead?: LeadDto;
  onLeadChange?: (lead: LeadDto | undefined) => void;
}) {
  const [ownLead, setOwnLead] = useState<LeadDto>();
  const lead = onLeadChange ? chosenLead : ownLead;
  const setLead = onLeadChange ?? setOwnLead;
  const [view, setView] = useState<"html" | "text">("html");
  const debounced = useDebounced(draft, 400);
  const body = {
    subject: debounced.subject,
    html: debounced.html,
    text: debounced.text.trim() ? debounced.text : null,
    leadId: lead?.id,
  };
  const rendered = useQuery({
    queryKey: queryKeys.templates.render(body),
    queryFn: ({ signal }) =>
      apiFetch<Rendered>("/templates/render", { method: "POST", body, signal }),
    placeholderData: keepPreviousData,
  });
  const data = rendered.data;
  return (
    <div className="space-y-4">
      <Findings findings={data?.findings} pending={rendered.isPending} />
      <section aria-label="Preview" className="space-y-3">
        <h2 className="text-base font-semibold">Preview</h2>
        {lead ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <span>
              Previewing for <strong>{lead.displayName}</strong>
            </span>
            <Button size="sm" variant="ghost" onClick={() => setLead(undefined)}>
              Clear lead
            </Button>
          </div>
        ) : (
          <LeadPicker onPick={setLead} />
        )}
        {rendered.error && <Alert tone="error">{errorMessage(rendered.error)}</Alert>}
        {data && (
          <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
            <p className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
              <span className="text-slate-600 dark:text-slate-400">Subject: </span>
              <span data-testid="preview-subject">{data.subject || "(empty)"}</span>
            </p>
            <div role="tablist" aria-label="Preview part" className="flex gap-1 px-2 pt-2">
              {(["html", "text"] as const).map((part) => (
                <button
                  key={part}
                  role="tab"
                  type="button"
                  aria-selected={view === part}
                  onClick={() => setView(part)}
                  className={cn(
                    "rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-brand-500",
                    view === part
                      ? "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100"
                      : "text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800",
                  )}
                >
                  {part === "html" ? "HTML" : "Plain text"}
                </button>
              ))}
            </div>
            {view === "html" ? (
              <iframe
                title="HTML preview"
                sandbox=""
                srcDoc={data.html}
                className="h-80 w-full bg-white"
              />
            ) : (
              <pre className="max-h-80 overflow-auto whitespace-pre-wrap p-3 text-sm">
                {data.text}
              </pre>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

function Findings({ findings, pending }: { findings?: Finding[]; pending: boolean }) {
  return (
    <section aria-label="Checks" aria-live="polite" className="space-y-2">
      <h2 className="text-base font-semibold">Checks</h2>
      {pending && !findings ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Checking…</p>
      ) : findings && findings.length > 0 ? (
        <ul className="space-y-1.5">
          {findings.map((f, i) => (
            <li
              key={`${f.code}-${i}`}
              className={cn(
                "rounded-lg border px-3 py-2 text-sm",
                f.level === "error"
                  ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
                  : "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
              )}
            >
              <span className="font-semibold">{f.level === "error" ? "Error" : "Warning"}</span>{" "}
              <span className="text-xs uppercase">({f.part})</span>: {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-emerald-700 dark:text-emerald-400">No problems found.</p>
      )}
    </section>
  );
}
