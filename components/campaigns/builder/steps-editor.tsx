"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  move,
  newStep,
  newVariant,
  variantShares,
  type StepForm,
  type VariantForm,
} from "./builder-state";
import type { FieldErrorOf } from "./field-errors";
import { StepAiControl } from "./step-ai-control";
import { VariantEditor } from "./variant-editor";

export interface Selection {
  step: number;
  variant: number;
}

const MAX_STEPS = 20;
const MAX_VARIANTS = 5;

/** The ordered steps: delays, A/B variants, reordering. */
export function StepsEditor({
  steps,
  onChange,
  selected,
  onSelect,
  fieldError,
}: {
  steps: StepForm[];
  onChange: (steps: StepForm[]) => void;
  selected: Selection;
  onSelect: (s: Selection) => void;
  fieldError: FieldErrorOf;
}) {
  const setStep = (i: number, patch: Partial<StepForm>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setVariant = (i: number, v: number, patch: Partial<VariantForm>) =>
    setStep(i, {
      variants: steps[i]!.variants.map((x, j) => (j === v ? { ...x, ...patch } : x)),
    });
  // Keep the preview on an existing email after steps or variants go away.
  const reselect = (step: number, variant = 0) =>
    onSelect({ step: Math.max(0, step), variant: Math.max(0, variant) });

  return (
    <div className="space-y-4">
      {fieldError("steps") && (
        <p className="text-sm text-red-600 dark:text-red-400">{fieldError("steps")}</p>
      )}
      {steps.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No steps yet. A campaign needs at least one email.
        </p>
      )}
      <ol className="space-y-4">
        {steps.map((step, i) => {
          const label = `Step ${i + 1}`;
          const path = `steps[${i}]`;
          const shares = variantShares(step.variants);
          return (
            <li key={step.key}>
              <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <legend className="px-1 text-base font-semibold">{label}</legend>
                <div className="flex flex-wrap items-end gap-3">
                  <Field
                    label="Wait (days)"
                    type="number"
                    min={0}
                    max={365}
                    className="w-32"
                    value={step.delayDays}
                    error={fieldError(`${path}.delayDays`)}
                    onChange={(e) => setStep(i, { delayDays: Number(e.target.value) || 0 })}
                  />
                  <Field
                    label="and hours"
                    type="number"
                    min={0}
                    max={23}
                    className="w-32"
                    value={step.delayHours}
                    error={fieldError(`${path}.delayHours`)}
                    onChange={(e) => setStep(i, { delayHours: Number(e.target.value) || 0 })}
                  />
                  <p className="pb-2 text-sm text-slate-600 dark:text-slate-400">
                    {i === 0 ? "after launch" : "after the previous step"}
                  </p>
                  <div className="ml-auto flex gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${label} up`}
                      disabled={i === 0}
                      onClick={() => {
                        onChange(move(steps, i, -1));
                        reselect(i - 1);
                      }}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${label} down`}
                      disabled={i === steps.length - 1}
                      onClick={() => {
                        onChange(move(steps, i, 1));
                        reselect(i + 1);
                      }}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      className="text-red-700 dark:text-red-400"
                      aria-label={`Remove ${label}`}
                      onClick={() => {
                        onChange(steps.filter((_, j) => j !== i));
                        reselect(Math.min(selected.step, steps.length - 2));
                      }}
                    >
                      Remove step
                    </Button>
                  </div>
                </div>
                <StepAiControl
                  label={label}
                  personalize={step.aiPersonalize}
                  instructions={step.aiInstructions}
                  error={fieldError(`${path}.ai.instructions`)}
                  onChange={(patch) => setStep(i, patch)}
                />
                {fieldError(`${path}.variants`) && (
                  <p className="text-sm text-red-600 dark:text-red-400">
                    {fieldError(`${path}.variants`)}
                  </p>
                )}
                {step.variants.map((variant, v) => (
                  <VariantEditor
                    key={variant.key}
                    variant={variant}
                    path={`${path}.variants[${v}]`}
                    stepLabel={label}
                    share={shares[v] ?? 0}
                    showSplit={step.variants.length > 1}
                    previewing={selected.step === i && selected.variant === v}
                    canRemove={step.variants.length > 1}
                    fieldError={fieldError}
                    onChange={(patch) => setVariant(i, v, patch)}
                    onPreview={() => onSelect({ step: i, variant: v })}
                    onRemove={() => {
                      setStep(i, { variants: step.variants.filter((_, j) => j !== v) });
                      reselect(i, 0);
                    }}
                  />
                ))}
                {step.variants.length < MAX_VARIANTS && (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Add an A/B variant to ${label}`}
                    onClick={() => {
                      setStep(i, { variants: [...step.variants, newVariant(nextLetter(step))] });
                      onSelect({ step: i, variant: step.variants.length });
                    }}
                  >
                    Add A/B variant
                  </Button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {steps.length < MAX_STEPS && (
        <Button
          variant="secondary"
          onClick={() => {
            onChange([...steps, newStep(steps.length === 0)]);
            onSelect({ step: steps.length, variant: 0 });
          }}
        >
          Add step
        </Button>
      )}
    </div>
  );
}

/** The first letter no variant of the step uses yet, so removing B then adding gives B again. */
function nextLetter(step: StepForm): number {
  const used = new Set(step.variants.map((v) => v.label));
  for (let i = 0; i < MAX_VARIANTS; i++) if (!used.has("ABCDE"[i]!)) return i;
  return step.variants.length;
}
