"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useNumberText } from "./number-text";
import { describeRule } from "./rule-fields";
import type { ScoringRule } from "./use-scoring";

/** A points box that lets the user type "-" or clear it before a number is there. */
function PointsInput({
  rule,
  onChange,
}: {
  rule: ScoringRule;
  onChange: (points: number) => void;
}) {
  const bind = useNumberText(rule.points, onChange);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Points for {rule.label}</span>
      <span className="block w-24">
        <input
          type="number"
          inputMode="decimal"
          step="any"
          min={-1000}
          max={1000}
          {...bind}
          className={`${inputClass} text-right tabular-nums`}
        />
      </span>
      <span aria-hidden className="whitespace-nowrap text-slate-600 dark:text-slate-400">
        {rule.kind === "event" ? "pts / event" : "pts"}
      </span>
    </label>
  );
}

export function RulesList({
  rules,
  customLabels,
  canEdit,
  onChange,
  onEdit,
  onRemove,
}: {
  rules: ScoringRule[];
  customLabels: Map<string, string>;
  canEdit: boolean;
  onChange: (index: number, rule: ScoringRule) => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  if (!rules.length) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No rules: every lead scores 0 and is cold.
      </p>
    );
  }
  return (
    <ul
      aria-label="Scoring rules"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
    >
      {rules.map((rule, index) => (
        <li key={rule.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2">
          <div className="min-w-48 flex-1">
            <p className="font-medium">
              {rule.label}{" "}
              <Badge tone={rule.kind === "event" ? "blue" : "neutral"}>
                {rule.kind === "event" ? "activity" : "profile"}
              </Badge>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {describeRule(rule, customLabels)}
            </p>
          </div>
          {canEdit ? (
            <>
              <PointsInput
                rule={rule}
                onChange={(points) => onChange(index, { ...rule, points })}
              />
              <div className="flex gap-1">
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={`Edit ${rule.label}`}
                  onClick={() => onEdit(index)}
                >
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${rule.label}`}
                  onClick={() => onRemove(index)}
                >
                  Remove
                </Button>
              </div>
            </>
          ) : (
            <span className="text-sm tabular-nums">
              {rule.points > 0 ? "+" : ""}
              {rule.points} {rule.kind === "event" ? "per event" : "points"}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
