"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useLeadOptions } from "@/lib/client/lead-hooks";
import { useNumberText } from "./number-text";
import { RuleDialog } from "./rule-dialog";
import { RulesList } from "./rules-list";
import { ScorePreviewPanel } from "./score-preview";
import { useSaveScoring, useScoringConfig, type ScoringConfig } from "./use-scoring";

function NumberField({
  value,
  onValue,
  ...props
}: {
  label: string;
  value: number;
  onValue: (n: number) => void;
  readOnly: boolean;
  max?: number;
  hint?: string;
  error?: string;
}) {
  return <Field type="number" min={0} {...props} {...useNumberText(value, onValue)} />;
}

/**
 * The scoring rules as a draft: edits (points, rules, thresholds, decay) stay local and show in
 * the preview at once; saving replaces the rules and re-scores every lead in the background.
 */
export function ScoringSettings({ canEdit }: { canEdit: boolean }) {
  const config = useScoringConfig();
  const options = useLeadOptions();
  const save = useSaveScoring();
  // Undefined until the user changes something: the saved rules are the draft until then.
  const [edited, setEdited] = useState<ScoringConfig>();
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string>();
  const customLabels = useMemo(
    () => new Map((options.data?.customFields ?? []).map((f) => [f.key, f.label])),
    [options.data],
  );

  const draft = edited ?? config.data;
  if (config.error) return <Alert tone="error">{errorMessage(config.error)}</Alert>;
  if (!draft) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading rules…</p>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(config.data);
  const err = save.error instanceof ApiError ? save.error : undefined;
  const update = (next: ScoringConfig) => {
    setNotice(undefined);
    save.reset();
    setEdited(next);
  };
  const setRules = (rules: ScoringConfig["rules"]) => update({ ...draft, rules });

  return (
    <>
      {!canEdit && (
        <Alert>
          Only owners and admins can change scoring. You can try the preview with the current rules.
        </Alert>
      )}
      <Card
        title="Scoring rules"
        description="Points for what a lead is and what it does. Activity points halve with age."
        actions={
          canEdit && (
            <Button variant="secondary" onClick={() => setEditing("new")}>
              Add rule
            </Button>
          )
        }
      >
        <RulesList
          rules={draft.rules}
          customLabels={customLabels}
          canEdit={canEdit}
          onChange={(index, rule) => setRules(draft.rules.map((r, i) => (i === index ? rule : r)))}
          onEdit={(index) => setEditing(index)}
          onRemove={(index) => setRules(draft.rules.filter((_, i) => i !== index))}
        />
        <div className="mt-5 grid gap-3 sm:grid-cols-3">
          <NumberField
            label="Hot from (points)"
            value={draft.thresholds.hot}
            onValue={(hot) => update({ ...draft, thresholds: { ...draft.thresholds, hot } })}
            readOnly={!canEdit}
            error={err?.fieldError("thresholds.hot")}
          />
          <NumberField
            label="Warm from (points)"
            value={draft.thresholds.warm}
            onValue={(warm) => update({ ...draft, thresholds: { ...draft.thresholds, warm } })}
            readOnly={!canEdit}
            error={err?.fieldError("thresholds.warm")}
          />
          <NumberField
            label="Activity half-life (days)"
            value={draft.halfLifeDays}
            onValue={(halfLifeDays) => update({ ...draft, halfLifeDays })}
            readOnly={!canEdit}
            max={3650}
            hint="0 keeps old activity at full weight."
            error={err?.fieldError("halfLifeDays")}
          />
        </div>
        {save.error && (
          <Alert tone="error" className="mt-4">
            {errorMessage(save.error)}
          </Alert>
        )}
        {notice && (
          <Alert tone="success" className="mt-4">
            {notice}
          </Alert>
        )}
        {canEdit && (
          <div className="mt-5 flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
            {dirty && (
              <span className="mr-auto self-center text-sm text-amber-800 dark:text-amber-300">
                Unsaved changes
              </span>
            )}
            <Button
              variant="secondary"
              className="disabled:opacity-50"
              disabled={!dirty || save.isPending}
              onClick={() => setEdited(undefined)}
            >
              Discard changes
            </Button>
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(draft, {
                  onSuccess: () => {
                    setEdited(undefined);
                    setNotice("Saved. Every lead is being re-scored in the background.");
                  },
                })
              }
            >
              Save rules
            </Button>
          </div>
        )}
      </Card>
      <ScorePreviewPanel draft={draft} saved={config.data} options={options.data} />
      {editing !== null && (
        <RuleDialog
          rule={editing === "new" ? undefined : draft.rules[editing]}
          takenIds={draft.rules.map((r) => r.id)}
          customFields={options.data?.customFields ?? []}
          onClose={() => setEditing(null)}
          onSave={(rule) => {
            setRules(
              editing === "new"
                ? [...draft.rules, rule]
                : draft.rules.map((r, i) => (i === editing ? rule : r)),
            );
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
