"use client";

import type { StepAiMode } from "@/db/schema";
import { Field, SelectField } from "@/components/ui/field";

const OPTIONS: { value: StepAiMode; label: string }[] = [
  { value: "off", label: "Off — send as written" },
  { value: "first_line", label: "Personalised first line ({{aiFirstLine}})" },
  { value: "whole_step", label: "Rewrite the whole step per lead" },
];

const HINTS: Record<StepAiMode, string> = {
  off: "",
  first_line:
    "Put {{aiFirstLine}} in the email where the opener goes. Each lead gets one written from its fields and activity — by your AI model, or offline from the lead's own fields.",
  whole_step:
    "This step's email is the brief: your AI model rewrites it for each lead. Offline (no model or over budget) it goes out as written.",
};

/** A step's AI personalisation: off, a per-lead opener, or the whole step rewritten per lead. */
export function StepAiControl({
  label,
  personalize,
  instructions,
  error,
  onChange,
}: {
  label: string;
  personalize: StepAiMode;
  instructions: string;
  error?: string;
  onChange: (patch: { aiPersonalize?: StepAiMode; aiInstructions?: string }) => void;
}) {
  return (
    <div className="space-y-2 rounded-lg bg-slate-50 p-3 dark:bg-slate-900">
      <SelectField
        label="AI personalisation"
        aria-label={`AI personalisation for ${label}`}
        value={personalize}
        options={OPTIONS}
        onChange={(e) => onChange({ aiPersonalize: e.target.value as StepAiMode })}
      />
      {personalize !== "off" && (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">{HINTS[personalize]}</p>
          <Field
            label="Instructions for the writer (optional)"
            aria-label={`AI instructions for ${label}`}
            maxLength={1000}
            placeholder="e.g. mention our spring webinar"
            value={instructions}
            error={error}
            onChange={(e) => onChange({ aiInstructions: e.target.value })}
          />
        </>
      )}
    </div>
  );
}
