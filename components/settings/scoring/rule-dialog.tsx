"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import type { CustomField } from "@/lib/client/lead-hooks";
import { EVENT_LABELS, LEAD_FIELD_LABELS, OPERATOR_LABELS, ruleIdFor } from "./rule-fields";
import type { ScoringRule } from "./use-scoring";

type Operator = NonNullable<ScoringRule["operator"]>;

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Add a rule, or edit one (`rule` given). Changes go to the draft; nothing is saved here. */
export function RuleDialog({
  rule,
  takenIds,
  customFields,
  onClose,
  onSave,
}: {
  rule?: ScoringRule;
  takenIds: string[];
  customFields: CustomField[];
  onClose: () => void;
  onSave: (rule: ScoringRule) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<ScoringRule["kind"]>(rule?.kind ?? "field");
  const [operator, setOperator] = useState<Operator>(rule?.operator ?? "exists");
  const [error, setError] = useState<string>();
  const fieldOptions = [
    ...Object.entries(LEAD_FIELD_LABELS).map(([value, label]) => ({ value, label })),
    ...customFields
      .filter((f) => !f.archived)
      .map((f) => ({ value: `custom.${f.key}`, label: `${f.label} (custom)` })),
  ];
  const initialValue = Array.isArray(rule?.value) ? rule.value.join(", ") : (rule?.value ?? "");

  return (
    <Dialog open onClose={onClose} title={rule ? `Edit rule: ${rule.label}` : "Add a scoring rule"}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const label = String(f.get("label") ?? "").trim();
          const target = String(f.get("target") ?? "").trim();
          const points = Number(f.get("points"));
          const rawValue = String(f.get("value") ?? "");
          if (!label || !target || !Number.isFinite(points)) return;
          if (kind === "event" && !/^[a-z][a-z0-9_.-]{0,49}$/.test(target)) {
            return setError("Event types use lower-case letters, digits, _ . and -.");
          }
          const base = {
            id: rule?.id ?? ruleIdFor(label, takenIds),
            label,
            kind,
            target,
            points,
          };
          if (kind === "event") {
            const maxEvents = Number(f.get("maxEvents"));
            onSave({ ...base, ...(maxEvents > 0 ? { maxEvents } : {}) });
          } else if (operator === "exists") {
            onSave({ ...base, operator });
          } else {
            const list = splitList(rawValue);
            if (!list.length) return setError("Give the value to compare with.");
            onSave({ ...base, operator, value: operator === "equals" ? rawValue.trim() : list });
          }
        }}
      >
        {error && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <Field label="Label" name="label" defaultValue={rule?.label} maxLength={120} required />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Points for
          </legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(["field", "event"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="size-4 accent-brand-600"
                />
                {k === "field" ? "What the lead is (a field)" : "What the lead does (events)"}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === "field" ? (
          <>
            <SelectField
              label="Field"
              name="target"
              defaultValue={rule?.kind === "field" ? rule.target : "email"}
              options={fieldOptions}
            />
            <SelectField
              label="Condition"
              name="operator"
              value={operator}
              onChange={(e) => setOperator(e.target.value as Operator)}
              options={Object.entries(OPERATOR_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
            {operator !== "exists" && (
              <Field
                label={operator === "equals" ? "Value" : "Values (comma-separated)"}
                name="value"
                defaultValue={initialValue}
                required
                hint="Compared without regard to case. Picklists compare their stored values, e.g. referral."
              />
            )}
          </>
        ) : (
          <>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-event`} className="block text-sm font-medium">
                Event type
              </label>
              <input
                id={`${id}-event`}
                name="target"
                list={`${id}-events`}
                required
                defaultValue={rule?.kind === "event" ? rule.target : "inquiry"}
                className={inputClass}
              />
              <datalist id={`${id}-events`}>
                {Object.entries(EVENT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </datalist>
            </div>
            <Field
              label="Count at most (events)"
              name="maxEvents"
              type="number"
              min={1}
              max={1000}
              defaultValue={rule?.maxEvents}
              hint="The most recent events count; leave empty for no limit."
            />
          </>
        )}
        <Field
          label={kind === "event" ? "Points per event" : "Points"}
          name="points"
          type="number"
          step="any"
          min={-1000}
          max={1000}
          required
          defaultValue={rule?.points ?? 5}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">{rule ? "Apply" : "Add rule"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
