"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import type { TemplatePage } from "@/components/templates/template-types";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

const params = { perPage: 100, sort: "name" };

/** The template library as a picker, the caller's favorites first. */
export function TemplateSelect({
  value,
  onChange,
  label,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string;
}) {
  const id = useId();
  const templates = useQuery({
    queryKey: queryKeys.templates.list(params),
    queryFn: ({ signal }) => apiFetch<TemplatePage>("/templates", { query: params, signal }),
    staleTime: 30_000,
  });
  const all = templates.data?.data ?? [];
  const favorites = all.filter((t) => t.favorite);
  const others = all.filter((t) => !t.favorite);
  const more = (templates.data?.pagination.total ?? 0) > all.length;
  const hint = templates.error
    ? errorMessage(templates.error)
    : templates.isPending
      ? "Loading templates…"
      : all.length === 0
        ? "No templates yet — write the email here, or create one under Templates."
        : more
          ? `Showing the first ${all.length} templates by name.`
          : undefined;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">Choose a template…</option>
        {value && !templates.isPending && !all.some((t) => t.id === value) && (
          <option value={value}>The template chosen before</option>
        )}
        {favorites.length > 0 && (
          <optgroup label="Favorites">
            {favorites.map((t) => (
              <option key={t.id} value={t.id}>
                ★ {t.name}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={favorites.length ? "All templates" : "Templates"}>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
