"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CATEGORY_LABELS, type PicklistKind, type StatusCategory } from "./use-lead-settings";

/** A new value at the end of a picklist; its slug is made by the API from the label. */
export function AddOptionForm({
  kind,
  title,
  busy,
  onAdd,
}: {
  kind: PicklistKind;
  title: string;
  busy: boolean;
  onAdd: (label: string, category: StatusCategory | null, done: () => void) => void;
}) {
  const id = useId();
  const [label, setLabel] = useState("");
  const [category, setCategory] = useState<StatusCategory>("open");
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = label.trim();
        if (!trimmed) return;
        onAdd(trimmed, kind === "status" ? category : null, () => setLabel(""));
      }}
    >
      <div className="min-w-48 flex-1 space-y-1.5">
        <label htmlFor={`${id}-label`} className="block text-sm font-medium">
          New value for {title.toLowerCase()}
        </label>
        <input
          id={`${id}-label`}
          className={inputClass}
          value={label}
          maxLength={80}
          required
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      {kind === "status" && (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-category`} className="block text-sm font-medium">
            Category
          </label>
          <select
            id={`${id}-category`}
            className={inputClass}
            value={category}
            onChange={(e) => setCategory(e.target.value as StatusCategory)}
          >
            {Object.entries(CATEGORY_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      )}
      <Button type="submit" loading={busy} disabled={!label.trim()}>
        Add
      </Button>
    </form>
  );
}
