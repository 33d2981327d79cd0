"use client";

import { useState } from "react";
import type { CustomFieldType } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import type { CustomField } from "@/lib/client/lead-hooks";
import { useCreateCustomField, useUpdateCustomField } from "./use-lead-settings";

export const FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  select: "Choice (one)",
  multiselect: "Choice (several)",
  url: "Web address",
  email: "Email address",
};

const CHOICE_TYPES = new Set(["select", "multiselect"]);

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Create a custom field, or edit one (`field` given): its key and type are fixed once made. */
export function CustomFieldDialog({
  open,
  field,
  onClose,
  onSaved,
}: {
  open: boolean;
  field?: CustomField;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  const [type, setType] = useState<string>(field?.type ?? "text");
  const err = mutation.error instanceof ApiError ? mutation.error : undefined;
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={field ? `Edit ${field.label}` : "Add a custom field"}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const label = String(f.get("label") ?? "").trim();
          const options = CHOICE_TYPES.has(type)
            ? lines(String(f.get("options") ?? ""))
            : undefined;
          const required = f.get("required") === "on";
          if (field) {
            update.mutate(
              { id: field.id, patch: { label, required, ...(options ? { options } : {}) } },
              { onSuccess: (saved) => onSaved(`Saved ${saved.label}.`) },
            );
          } else {
            const key = String(f.get("key") ?? "").trim();
            create.mutate(
              {
                label,
                type: type as CustomFieldType,
                required,
                ...(key ? { key } : {}),
                ...(options ? { options } : {}),
              },
              { onSuccess: (saved) => onSaved(`Added ${saved.label}.`) },
            );
          }
        }}
      >
        {mutation.error && !err?.problem.errors?.length && (
          <Alert tone="error">{errorMessage(mutation.error)}</Alert>
        )}
        <Field
          label="Label"
          name="label"
          defaultValue={field?.label}
          maxLength={80}
          required
          error={err?.fieldError("label")}
        />
        {field ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Key <code className="font-mono">{field.key}</code> ·{" "}
            {FIELD_TYPE_LABELS[field.type as CustomFieldType] ?? field.type} (fixed once created)
          </p>
        ) : (
          <>
            <Field
              label="Key (optional)"
              name="key"
              pattern="[a-z][a-z0-9_]{0,39}"
              hint="Used by the API and in imports; permanent. Made from the label when empty."
              error={err?.fieldError("key")}
            />
            <SelectField
              label="Type"
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value)}
              options={Object.entries(FIELD_TYPE_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
              error={err?.fieldError("type")}
            />
          </>
        )}
        {CHOICE_TYPES.has(type) && (
          <div className="space-y-1.5">
            <label htmlFor="custom-field-options" className="block text-sm font-medium">
              Choices (one per line)
            </label>
            <textarea
              id="custom-field-options"
              name="options"
              rows={4}
              required
              defaultValue={field?.options.join("\n")}
              aria-invalid={err?.fieldError("options") ? true : undefined}
              aria-describedby={
                err?.fieldError("options") ? "custom-field-options-error" : undefined
              }
              className={inputClass}
            />
            {err?.fieldError("options") && (
              <p id="custom-field-options-error" className="text-xs text-red-600 dark:text-red-400">
                {err.fieldError("options")}
              </p>
            )}
          </div>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="required"
            defaultChecked={field?.required}
            className="size-4 accent-brand-600"
          />
          Required on every lead
        </label>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {field ? "Save" : "Add field"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
