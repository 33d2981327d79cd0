"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { ExtractedInfo } from "@/lib/lead-analysis/analysis-schemas";
import type { UpdateLeadInput } from "@/lib/leads/lead-schemas";
import type { LeadDetail } from "./lead-types";
import { useUpdateLead } from "./use-lead";

type Suggestion = {
  key: string;
  label: string;
  value: string;
  confidence: number;
  current: string | null;
  patch: UpdateLeadInput;
};

/** Extracted fields that map onto the lead's own fields; LinkedIn and address have none yet. */
function suggestionsFor(info: ExtractedInfo, lead: LeadDetail): Suggestion[] {
  const f = info.fields;
  const out: Suggestion[] = [];
  const add = (
    key: string,
    label: string,
    v: { value: string | null; confidence: number },
    current: string | null,
    patch: (value: string) => UpdateLeadInput,
  ) => {
    if (v.value && v.value !== current) {
      out.push({
        key,
        label,
        value: v.value,
        confidence: v.confidence,
        current,
        patch: patch(v.value),
      });
    }
  };
  const name = f.name.value?.trim();
  if (name) {
    const [first, ...rest] = name.split(/\s+/);
    const current = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || null;
    add("name", "Name", f.name, current, () => ({
      firstName: first ?? null,
      lastName: rest.join(" ") || null,
    }));
  }
  add("title", "Title", f.title, lead.jobTitle, (v) => ({ jobTitle: v }));
  add("company", "Company", f.company, lead.company, (v) => ({ company: v }));
  add("email", "Email", f.email, lead.email, (v) => ({ email: v }));
  add("phone", "Phone", f.phone, lead.phone, (v) => ({ phone: v }));
  add("website", "Website", f.website, lead.website, (v) => ({ website: v }));
  return out;
}

/**
 * Paste an email signature (or any contact block): the extracted details are offered as
 * suggestions — fields the lead lacks and that were found with confidence come pre-ticked — and
 * the ticked ones are saved to the lead in one update.
 */
export function LeadAnalysisExtract({ lead }: { lead: LeadDetail }) {
  const id = useId();
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const update = useUpdateLead(lead.id);
  const extract = useMutation({
    mutationFn: (body: { text: string }) =>
      apiFetch<ExtractedInfo>("/ai/extract-info", { method: "POST", body }),
    onSuccess: (info) => {
      update.reset();
      setChosen(
        Object.fromEntries(
          suggestionsFor(info, lead).map((s) => [s.key, !s.current && s.confidence >= 0.6]),
        ),
      );
    },
  });
  const suggestions = extract.data ? suggestionsFor(extract.data, lead) : [];
  const picked = suggestions.filter((s) => chosen[s.key]);

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 border-t border-slate-200 pt-5 dark:border-slate-800"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Extract from text
      </h2>
      <form
        noValidate
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) extract.mutate({ text });
        }}
      >
        <label
          htmlFor={`${id}-text`}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Signature or contact details
        </label>
        <textarea
          id={`${id}-text`}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            "Best regards,\nAnna Schmidt\nHead of Purchasing | Müller GmbH\nTel. +49 30 1234567"
          }
          className={inputClass}
        />
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          loading={extract.isPending}
          disabled={!text.trim()}
        >
          Extract
        </Button>
      </form>
      {extract.error && <Alert tone="error">{errorMessage(extract.error)}</Alert>}
      {extract.data && (
        <div className="space-y-3">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {extract.data.mode === "offline" ? (
              <Badge tone="amber">Offline mode · signature rules</Badge>
            ) : (
              <Badge tone="blue">AI</Badge>
            )}
          </p>
          {suggestions.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Nothing new found for this lead.
            </p>
          ) : (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Suggestions</legend>
              {suggestions.map((s) => (
                <label key={s.key} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={Boolean(chosen[s.key])}
                    onChange={(e) => setChosen((c) => ({ ...c, [s.key]: e.target.checked }))}
                  />
                  <span>
                    <span className="font-medium">{s.label}:</span> {s.value}{" "}
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      ({Math.round(s.confidence * 100)}% sure
                      {s.current ? `; replaces “${s.current}”` : ""})
                    </span>
                  </span>
                </label>
              ))}
              <Button
                size="sm"
                disabled={picked.length === 0}
                loading={update.isPending}
                onClick={() => update.mutate(Object.assign({}, ...picked.map((s) => s.patch)))}
              >
                Apply to lead
              </Button>
            </fieldset>
          )}
          {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
          {update.isSuccess && <Alert tone="success">Saved to the lead.</Alert>}
        </div>
      )}
    </section>
  );
}
