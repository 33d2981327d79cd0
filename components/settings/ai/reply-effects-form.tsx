"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CATEGORY_LABELS } from "@/components/conversations/message-classification";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { ReplyEffects } from "@/lib/ai/reply-effects-settings";
import { REPLY_CATEGORIES } from "@/lib/ai/reply-classification";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { useLeadOptions } from "@/lib/client/lead-hooks";
import type { Notify } from "./ai-queries";

const replyEffectsKey = ["llm", "reply-effects"] as const;

const TEMPERATURE_CHOICES = [
  { value: "", label: "No change" },
  { value: "cold", label: "Cold" },
  { value: "warm", label: "Warm" },
  { value: "hot", label: "Hot" },
];

/** Settings → AI: what a classified reply does to its lead, per category (admins edit). */
export function ReplyEffectsCard({ canManage, notify }: { canManage: boolean; notify: Notify }) {
  const effects = useQuery({
    queryKey: replyEffectsKey,
    queryFn: ({ signal }) => apiFetch<ReplyEffects>("/ai/reply-effects", { signal }),
  });
  const options = useLeadOptions();
  return (
    <Card
      title="What replies do"
      description="When a reply is classified (or a person corrects it), its lead changes like this. Interested replies and meeting requests always notify the owner."
    >
      {effects.error || options.error ? (
        <Alert tone="error">{errorMessage(effects.error ?? options.error)}</Alert>
      ) : !effects.data || !options.data ? (
        <p className="text-sm">Loading…</p>
      ) : (
        // Keyed by what was saved, so the rows re-read the stored values after a save.
        <ReplyEffectsForm
          key={JSON.stringify(effects.data)}
          saved={effects.data}
          statuses={options.data.status
            .filter((s) => !s.retired)
            .map((s) => ({ value: s.value, label: s.label }))}
          canManage={canManage}
          notify={notify}
        />
      )}
    </Card>
  );
}

function ReplyEffectsForm({
  saved,
  statuses,
  canManage,
  notify,
}: {
  saved: ReplyEffects;
  statuses: { value: string; label: string }[];
  canManage: boolean;
  notify: Notify;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<ReplyEffects>(saved);
  const [error, setError] = useState<ApiError>();
  const save = useMutation({
    mutationFn: (body: ReplyEffects) =>
      apiFetch<ReplyEffects>("/ai/reply-effects", { method: "PUT", body }),
    onSuccess: (data) => {
      setError(undefined);
      client.setQueryData(replyEffectsKey, data);
      notify("success", "Reply effects saved.");
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e);
      notify("error", errorMessage(e));
    },
  });

  type Category = (typeof REPLY_CATEGORIES)[number];
  const change = (category: Category, patch: Partial<ReplyEffects["effects"][Category]>) =>
    setDraft((d) => ({
      ...d,
      effects: { ...d.effects, [category]: { ...d.effects[category], ...patch } },
    }));

  const disabled = !canManage || save.isPending;
  return (
    <form
      aria-label="What replies do"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
      className="space-y-4"
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-2 pr-3 font-medium">
                Reply
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Move the lead to
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Temperature
              </th>
              <th scope="col" className="py-2 font-medium">
                Notify the owner
              </th>
            </tr>
          </thead>
          <tbody>
            {REPLY_CATEGORIES.map((category) => {
              const effect = draft.effects[category];
              const label = CATEGORY_LABELS[category];
              const statusError = error?.fieldError(`effects.${category}.status`);
              return (
                <tr key={category} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {label}
                  </th>
                  <td className="py-2 pr-3">
                    <select
                      aria-label={`${label}: status`}
                      aria-invalid={statusError ? true : undefined}
                      className={inputClass}
                      value={effect.status ?? ""}
                      disabled={disabled}
                      onChange={(e) => change(category, { status: e.target.value || null })}
                    >
                      <option value="">No change</option>
                      {/* A stored status that was retired since stays visible until changed. */}
                      {effect.status && !statuses.some((s) => s.value === effect.status) && (
                        <option value={effect.status}>{effect.status}</option>
                      )}
                      {statuses.map((s) => (
                        <option key={s.value} value={s.value}>
                          {s.label}
                        </option>
                      ))}
                    </select>
                    {statusError && (
                      <p className="text-xs text-red-600 dark:text-red-400">{statusError}</p>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    <select
                      aria-label={`${label}: temperature`}
                      className={inputClass}
                      value={effect.temperature ?? ""}
                      disabled={disabled}
                      onChange={(e) =>
                        change(category, {
                          temperature: (e.target.value || null) as typeof effect.temperature,
                        })
                      }
                    >
                      {TEMPERATURE_CHOICES.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-2">
                    <input
                      type="checkbox"
                      aria-label={`${label}: notify the owner`}
                      checked={effect.notifyOwner}
                      disabled={disabled}
                      onChange={(e) => change(category, { notifyOwner: e.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.createReferralLeads}
          disabled={disabled}
          onChange={(e) => setDraft((d) => ({ ...d, createReferralLeads: e.target.checked }))}
        />
        Create a lead for referrals (a &quot;wrong person&quot; reply that names someone else)
      </label>
      {canManage && (
        <Button type="submit" loading={save.isPending}>
          Save reply effects
        </Button>
      )}
    </form>
  );
}
