"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, inputClass } from "@/components/ui/field";
import type { VariantForm } from "./builder-state";
import type { FieldErrorOf } from "./field-errors";
import { TemplateSelect } from "./template-select";

/** One version of a step's email: a template from the library, or a subject and body here. */
export function VariantEditor({
  variant,
  path,
  stepLabel,
  share,
  showSplit,
  previewing,
  canRemove,
  fieldError,
  onChange,
  onRemove,
  onPreview,
}: {
  variant: VariantForm;
  /** The variant's path in the request body, for matching the API's field errors. */
  path: string;
  stepLabel: string;
  share: number;
  showSplit: boolean;
  previewing: boolean;
  canRemove: boolean;
  fieldError: FieldErrorOf;
  onChange: (patch: Partial<VariantForm>) => void;
  onRemove: () => void;
  onPreview: () => void;
}) {
  const ids = { html: useId(), source: useId() };
  const name = `${stepLabel}, variant ${variant.label}`;
  const variantError = fieldError(path);
  const htmlError = fieldError(`${path}.html`);
  return (
    <fieldset
      className={cn(
        "space-y-3 rounded-lg border p-3",
        previewing
          ? "border-brand-500 dark:border-brand-500"
          : "border-slate-200 dark:border-slate-800",
      )}
    >
      <legend className="px-1 text-sm font-semibold">Variant {variant.label}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <div role="radiogroup" aria-label="Content" className="flex gap-3 text-sm">
          {(["template", "inline"] as const).map((source) => (
            <label key={source} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={ids.source}
                checked={variant.source === source}
                onChange={() => onChange({ source })}
              />
              {source === "template" ? "From a template" : "Write it here"}
            </label>
          ))}
        </div>
        {showSplit && (
          <Field
            label="Weight"
            hint={`${share}% of this step's recipients`}
            type="number"
            min={0}
            max={100}
            className="w-44"
            value={variant.weight}
            error={fieldError(`${path}.weight`)}
            onChange={(e) => onChange({ weight: Number(e.target.value) || 0 })}
          />
        )}
        <div className="ml-auto flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={previewing}
            aria-label={`Preview ${name}`}
            onClick={onPreview}
          >
            Preview
          </Button>
          {canRemove && (
            <Button
              size="sm"
              variant="ghost"
              className="text-red-700 dark:text-red-400"
              aria-label={`Remove ${name}`}
              onClick={onRemove}
            >
              Remove
            </Button>
          )}
        </div>
      </div>

      {variant.source === "template" ? (
        <TemplateSelect
          label="Template"
          value={variant.templateId}
          error={variantError ?? fieldError(`${path}.templateId`)}
          onChange={(templateId) => onChange({ templateId })}
        />
      ) : (
        <>
          <Field
            label="Subject"
            value={variant.subject}
            error={fieldError(`${path}.subject`) ?? variantError}
            onFocus={onPreview}
            onChange={(e) => onChange({ subject: e.target.value })}
          />
          <div className="space-y-1.5">
            <label
              htmlFor={ids.html}
              className="block text-sm font-medium text-slate-700 dark:text-slate-300"
            >
              Body (HTML)
            </label>
            <textarea
              id={ids.html}
              rows={6}
              spellCheck={false}
              className={`${inputClass} font-mono`}
              value={variant.html}
              aria-invalid={htmlError ? true : undefined}
              aria-describedby={htmlError ? `${ids.html}-error` : undefined}
              onFocus={onPreview}
              onChange={(e) => onChange({ html: e.target.value })}
            />
            {htmlError && (
              <p id={`${ids.html}-error`} className="text-xs text-red-600 dark:text-red-400">
                {htmlError}
              </p>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
