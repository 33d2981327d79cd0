"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import type { LeadOption } from "@/lib/client/lead-hooks";
import { AddOptionForm } from "./add-option-form";
import { OptionRowActions } from "./option-row-actions";
import { RenameOptionDialog } from "./rename-option-dialog";
import {
  CATEGORY_LABELS,
  toInput,
  useReplacePicklist,
  type PicklistInput,
  type PicklistKind,
  type StatusCategory,
} from "./use-lead-settings";

/**
 * One picklist. Every change sends the whole list (PUT), which is how the API keeps order and
 * slugs consistent; values are retired rather than deleted so leads that use them keep them.
 */
export function PicklistCard({
  kind,
  title,
  description,
  options,
  canEdit,
}: {
  kind: PicklistKind;
  title: string;
  description: string;
  options: LeadOption[];
  canEdit: boolean;
}) {
  const replace = useReplacePicklist(kind);
  const [renaming, setRenaming] = useState<LeadOption>();
  const [refocus, setRefocus] = useState<string>();
  const [notice, setNotice] = useState<string>();

  // Moving a row re-renders the list; put focus back on the button that was pressed.
  useEffect(() => {
    if (!refocus) return;
    const el = document.getElementById(refocus);
    if (el && !(el as HTMLButtonElement).disabled) el.focus();
  }, [options, refocus]);

  function save(next: PicklistInput, message: string, onDone?: () => void) {
    setNotice(undefined);
    replace.mutate(next, {
      onSuccess: () => {
        setNotice(message);
        onDone?.();
      },
    });
  }

  function move(index: number, by: -1 | 1) {
    const next = options.map(toInput);
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setRefocus(`${kind}-${item!.value}-${by < 0 ? "up" : "down"}`);
    save(next, `Moved ${item!.label} ${by < 0 ? "up" : "down"}.`);
  }

  function patch(index: number, change: Partial<PicklistInput[number]>, message: string) {
    save(
      options.map((o, i) => (i === index ? { ...toInput(o), ...change } : toInput(o))),
      message,
    );
  }

  return (
    <Card title={title} description={description}>
      {replace.error && (
        <Alert tone="error" className="mb-3">
          {errorMessage(replace.error)}
        </Alert>
      )}
      {notice && !replace.error && (
        <p role="status" className="sr-only">
          {notice}
        </p>
      )}
      <ol
        aria-label={title}
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
      >
        {options.map((o, index) => (
          <li key={o.value} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2">
            <div className="min-w-0 flex-1">
              <p className={o.retired ? "text-slate-600 line-through dark:text-slate-400" : ""}>
                {o.label}
              </p>
              <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{o.value}</p>
            </div>
            {kind === "status" &&
              (canEdit ? (
                <label className="text-sm">
                  <span className="sr-only">Category of {o.label}</span>
                  <select
                    value={o.category ?? "open"}
                    disabled={replace.isPending}
                    onChange={(e) =>
                      patch(
                        index,
                        { category: e.target.value as StatusCategory },
                        `${o.label} is now ${e.target.value}.`,
                      )
                    }
                    className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
                  >
                    {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <Badge
                  tone={o.category === "won" ? "green" : o.category === "lost" ? "red" : "blue"}
                >
                  {CATEGORY_LABELS[o.category ?? "open"]}
                </Badge>
              ))}
            {o.retired && <Badge>Retired</Badge>}
            {canEdit && (
              <OptionRowActions
                idPrefix={`${kind}-${o.value}`}
                option={o}
                first={index === 0}
                last={index === options.length - 1}
                busy={replace.isPending}
                onMove={(by) => move(index, by)}
                onRename={() => setRenaming(o)}
                onRetire={(retired) =>
                  patch(
                    index,
                    { retired },
                    `${o.label} ${retired ? "retired" : "can be chosen again"}.`,
                  )
                }
              />
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <AddOptionForm
          kind={kind}
          title={title}
          busy={replace.isPending}
          onAdd={(label, category, done) =>
            save([...options.map(toInput), { label, category }], `Added ${label}.`, done)
          }
        />
      )}
      <RenameOptionDialog
        option={renaming}
        pending={replace.isPending}
        error={replace.error}
        onClose={() => setRenaming(undefined)}
        onSave={(label) => {
          const index = options.findIndex((o) => o.value === renaming?.value);
          if (index < 0) return;
          save(
            options.map((o, i) => (i === index ? { ...toInput(o), label } : toInput(o))),
            `Renamed to ${label}.`,
            () => setRenaming(undefined),
          );
        }}
      />
    </Card>
  );
}
