"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import type { LeadOptions } from "@/lib/client/lead-hooks";
import { LeadPicker, type LeadDto } from "./lead-picker";
import { eventLabel, fieldLabel } from "./rule-fields";
import { eventCountsFor, sampleFromLead, toPreviewLead, type SampleForm } from "./sample-lead";
import { useScorePreview, type ScoringConfig, type ScorePreview } from "./use-scoring";

const BASE_FIELDS = ["email", "phone", "company", "jobTitle", "source"];
const PICKLIST_FIELDS = { source: "source", status: "status", industry: "industry" } as const;
const TEMPERATURE_TONE = { hot: "red", warm: "amber", cold: "blue" } as const;
const START: SampleForm = { email: "sam@example.com", jobTitle: "Director of Sales" };

function ScoreBadge({ result, label }: { result: ScorePreview; label: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <output aria-label={label} className="text-3xl font-bold tabular-nums">
        {result.score}
      </output>
      <Badge tone={TEMPERATURE_TONE[result.temperature]}>{result.temperature}</Badge>
    </span>
  );
}

/**
 * Scores a sample lead with the draft rules (and, for comparison, the saved ones) through the
 * preview endpoint, so an admin sees the effect of a change before every lead is re-scored.
 */
export function ScorePreviewPanel({
  draft,
  saved,
  options,
}: {
  draft: ScoringConfig;
  saved: ScoringConfig | undefined;
  options: LeadOptions | undefined;
}) {
  const [form, setForm] = useState<SampleForm>(START);
  const [events, setEvents] = useState<Record<string, string>>({ inquiry: "1" });
  const [picked, setPicked] = useState<LeadDto>();
  const [loadError, setLoadError] = useState<string>();
  const customLabels = useMemo(
    () => new Map((options?.customFields ?? []).map((f) => [f.key, f.label])),
    [options],
  );
  const fields = [
    ...new Set([
      ...BASE_FIELDS,
      ...draft.rules.filter((r) => r.kind === "field").map((r) => r.target),
    ]),
  ];
  const eventTypes = [
    ...new Set(draft.rules.filter((r) => r.kind === "event").map((r) => r.target)),
  ];
  const lead = useMemo(() => toPreviewLead(form), [form]);
  const counts = Object.fromEntries(
    eventTypes.map((t) => [t, Math.max(0, Math.min(1000, Math.floor(Number(events[t]) || 0)))]),
  );
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const preview = useScorePreview(draft, lead, counts);
  const savedPreview = useScorePreview(changed ? saved : undefined, lead, counts);

  async function pick(l: LeadDto) {
    setLoadError(undefined);
    setPicked(l);
    setForm(sampleFromLead(l));
    try {
      const found = await eventCountsFor(l.id);
      setEvents(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, String(v)])));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }

  return (
    <Card
      title="Preview"
      description="How a lead would score with the rules above, before you save them. Events count as if they happened today."
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <LeadPicker onPick={pick} />
          {picked && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Using {picked.displayName} (score now {picked.score}).{" "}
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setPicked(undefined);
                  setForm(START);
                  setEvents({ inquiry: "1" });
                }}
              >
                Use a sample lead instead
              </Button>
            </p>
          )}
          {loadError && <Alert tone="error">{loadError}</Alert>}
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium">Lead fields</legend>
            {fields.map((f) => {
              const id = `sample-${f}`;
              const picklist = PICKLIST_FIELDS[f as keyof typeof PICKLIST_FIELDS];
              const label = fieldLabel(f, customLabels);
              const onChange = (value: string) => setForm((old) => ({ ...old, [f]: value }));
              return (
                <div key={f} className="space-y-1">
                  <label htmlFor={id} className="block text-xs font-medium">
                    {label}
                  </label>
                  {picklist && options ? (
                    <select
                      id={id}
                      className={inputClass}
                      value={form[f] ?? ""}
                      onChange={(e) => onChange(e.target.value)}
                    >
                      <option value="">—</option>
                      {options[picklist].map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      className={inputClass}
                      value={form[f] ?? ""}
                      onChange={(e) => onChange(e.target.value)}
                    />
                  )}
                </div>
              );
            })}
          </fieldset>
          {eventTypes.length > 0 && (
            <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <legend className="mb-2 text-sm font-medium">Events</legend>
              {eventTypes.map((t) => (
                <div key={t} className="space-y-1">
                  <label htmlFor={`sample-event-${t}`} className="block text-xs font-medium">
                    {eventLabel(t)}
                  </label>
                  <input
                    id={`sample-event-${t}`}
                    type="number"
                    min={0}
                    max={1000}
                    className={inputClass}
                    value={events[t] ?? "0"}
                    onChange={(e) => setEvents((old) => ({ ...old, [t]: e.target.value }))}
                  />
                </div>
              ))}
            </fieldset>
          )}
        </div>
        <section aria-label="Preview result" className="space-y-3">
          {preview.error ? (
            <Alert tone="error">{errorMessage(preview.error)}</Alert>
          ) : preview.data ? (
            <>
              <div>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {changed ? "Score with your changes" : "Score"}
                </p>
                <ScoreBadge result={preview.data} label="Previewed score" />
                {changed && savedPreview.data && (
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                    With the saved rules: {savedPreview.data.score} ({savedPreview.data.temperature}
                    )
                  </p>
                )}
              </div>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">What contributed to the score</caption>
                <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 font-medium">
                      Rule
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      Points
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {preview.data.breakdown.length === 0 && (
                    <tr>
                      <td colSpan={2} className="py-2 text-slate-600 dark:text-slate-400">
                        No rule applies to this lead.
                      </td>
                    </tr>
                  )}
                  {preview.data.breakdown.map((c) => (
                    <tr key={c.rule}>
                      <td className="py-1.5">{c.label}</td>
                      <td className="py-1.5 text-right tabular-nums">
                        {c.points > 0 ? "+" : ""}
                        {c.points}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Scoring…</p>
          )}
        </section>
      </div>
    </Card>
  );
}
