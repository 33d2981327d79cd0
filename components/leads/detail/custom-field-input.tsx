"use client";

import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import type { CustomField } from "@/lib/client/lead-hooks";
import type { CustomFormValue } from "./custom-field-value";

const INPUT_TYPE: Record<string, string> = {
  number: "number",
  date: "date",
  url: "url",
  email: "email",
};

/** One custom field with the control its type calls for, its label and its error. */
export function CustomFieldInput({
  def,
  value,
  onChange,
  error,
  disabled,
}: {
  def: CustomField;
  value: CustomFormValue;
  onChange: (value: CustomFormValue) => void;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const label = (
    <>
      {def.label}
      {def.required && (
        <span aria-hidden className="text-red-600 dark:text-red-400">
          {" "}
          *
        </span>
      )}
    </>
  );
  const errorText = error && (
    <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
      {error}
    </p>
  );
  const common = {
    id,
    disabled,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    "aria-required": def.required || undefined,
  };

  if (def.type === "multiselect") {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="space-y-1.5" aria-describedby={error ? errorId : undefined}>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1.5">
          {def.options.map((o) => (
            <label key={o} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                disabled={disabled}
                checked={selected.includes(o)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, o] : selected.filter((s) => s !== o))
                }
                className="size-4 rounded border-slate-300 accent-brand-600 dark:border-slate-600"
              />
              {o}
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  }

  const text = typeof value === "string" ? value : "";
  let control: React.ReactNode;
  if (def.type === "select" || def.type === "boolean") {
    const choices =
      def.type === "boolean"
        ? [
            { value: "true", label: "Yes" },
            { value: "false", label: "No" },
          ]
        : def.options.map((o) => ({ value: o, label: o }));
    control = (
      <select
        {...common}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      >
        <option value="">—</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type={INPUT_TYPE[def.type] ?? "text"}
        step={def.type === "number" ? "any" : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      />
    );
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {control}
      {errorText}
    </div>
  );
}
