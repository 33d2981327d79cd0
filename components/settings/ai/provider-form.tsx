"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { aiKeys, type LlmProviders, type Notify } from "./ai-queries";

/**
 * The organization's provider, model, key, base URL, budget and review threshold. The key is
 * write-only: blank keeps the stored one, which the form only says is there.
 */
export function ProviderForm({
  settings,
  canManage,
  notify,
}: {
  settings: LlmProviders;
  canManage: boolean;
  notify: Notify;
}) {
  const client = useQueryClient();
  const own = settings.active?.source === "organization" ? settings.active : null;
  const [provider, setProvider] = useState<string>(own?.provider ?? "");
  const [error, setError] = useState<ApiError>();
  const chosen = settings.providers.find((p) => p.id === provider);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch("/llm/providers", { method: "PATCH", body }),
    onSuccess: () => {
      setError(undefined);
      notify("success", "AI settings saved.");
      void client.invalidateQueries({ queryKey: aiKeys.all });
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e);
      notify("error", errorMessage(e));
    },
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const budget = text("monthlyTokenBudget");
    const connection = chosen
      ? {
          provider: chosen.id,
          ...(text("model") ? { model: text("model") } : {}),
          ...(form.get("clearKey") === "on"
            ? { apiKey: null }
            : text("apiKey")
              ? { apiKey: text("apiKey") }
              : {}),
          ...(chosen.id === "openai-compatible" ? { baseUrl: text("baseUrl") || null } : {}),
        }
      : { provider: null };
    save.mutate({
      ...connection,
      monthlyTokenBudget: budget ? Number(budget) : null,
      reviewThreshold: Number(text("reviewThreshold")),
    });
  }

  const disabled = !canManage;
  return (
    <Card title="Provider" description="Which model classifies replies and drafts answers.">
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="AI provider">
        <SelectField
          label="Provider"
          name="provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value)}
          disabled={disabled}
          error={error?.fieldError("provider")}
          options={[
            { value: "", label: "Installation default (or offline mode)" },
            ...settings.providers.map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
        {chosen && (
          <>
            <Field
              key={`model-${chosen.id}`}
              label="Model"
              name="model"
              list="llm-models"
              defaultValue={own?.provider === chosen.id ? own.model : chosen.defaultModel}
              disabled={disabled}
              error={error?.fieldError("model")}
            />
            <datalist id="llm-models">
              {chosen.models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
            <Field
              key={`key-${chosen.id}`}
              label={chosen.apiKeyRequired ? "API key" : "API key (if the server needs one)"}
              name="apiKey"
              type="password"
              autoComplete="off"
              placeholder={chosen.credentialsSet ? "Stored — leave blank to keep" : ""}
              disabled={disabled}
              error={error?.fieldError("apiKey")}
            />
            {chosen.credentialsSet && canManage && (
              <label className="flex items-center gap-2 self-end text-sm">
                <input type="checkbox" name="clearKey" /> Remove the stored key
              </label>
            )}
            {chosen.id === "openai-compatible" && (
              <Field
                label="Base URL"
                name="baseUrl"
                type="url"
                defaultValue={chosen.baseUrl ?? ""}
                placeholder={chosen.defaultBaseUrl}
                hint="The server's API root, e.g. Ollama's http://localhost:11434/v1"
                disabled={disabled}
                error={error?.fieldError("baseUrl")}
                className="sm:col-span-2"
              />
            )}
          </>
        )}
        <Field
          label="Monthly token budget"
          name="monthlyTokenBudget"
          type="number"
          min={1}
          step={1}
          defaultValue={settings.budget.monthlyTokenBudget ?? ""}
          placeholder="No limit"
          hint={`Used this month: ${settings.budget.usedThisMonth.toLocaleString()} tokens. Over the budget, AI calls run offline.`}
          disabled={disabled}
          error={error?.fieldError("monthlyTokenBudget")}
        />
        <Field
          label="Review threshold"
          name="reviewThreshold"
          type="number"
          min={0}
          max={1}
          step={0.05}
          required
          defaultValue={settings.reviewThreshold}
          hint="Classified replies below this confidence wait for a person's review."
          disabled={disabled}
          error={error?.fieldError("reviewThreshold")}
        />
        {canManage && (
          <div className="sm:col-span-2">
            <Button type="submit" loading={save.isPending}>
              Save AI settings
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
