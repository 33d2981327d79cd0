"use client";

import { useEffect, useState } from "react";
import type { CustomFieldType } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import type { CustomField } from "@/lib/client/lead-hooks";
import { CustomFieldDialog, FIELD_TYPE_LABELS } from "./custom-field-dialog";
import { useReorderCustomFields, useUpdateCustomField } from "./use-lead-settings";

/** Typed extra fields on every lead: add, relabel, reorder, archive (values are kept). */
export function CustomFieldsCard({ fields, canEdit }: { fields: CustomField[]; canEdit: boolean }) {
  const update = useUpdateCustomField();
  const reorder = useReorderCustomFields();
  const [dialog, setDialog] = useState<{ field?: CustomField } | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [refocus, setRefocus] = useState<string>();
  const sorted = [...fields].sort((a, b) => a.position - b.position);
  const active = sorted.filter((f) => !f.archived);
  const archived = sorted.filter((f) => f.archived);
  const busy = update.isPending || reorder.isPending;
  const error = update.error ?? reorder.error;

  useEffect(() => {
    if (refocus) document.getElementById(refocus)?.focus();
  }, [fields, refocus]);

  function move(index: number, by: -1 | 1) {
    const next = [...active];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setRefocus(`field-${item!.id}-${by < 0 ? "up" : "down"}`);
    reorder.mutate([...next, ...archived], {
      onSuccess: () => setNotice(`Moved ${item!.label} ${by < 0 ? "up" : "down"}.`),
    });
  }

  function setArchived(field: CustomField, value: boolean) {
    update.mutate(
      { id: field.id, patch: { archived: value } },
      {
        onSuccess: () =>
          setNotice(
            value
              ? `Archived ${field.label}. Values on leads are kept.`
              : `Restored ${field.label}.`,
          ),
      },
    );
  }

  const rows = showArchived ? [...active, ...archived] : active;
  return (
    <Card
      title="Custom fields"
      description="Extra fields on every lead, shown on the lead page, in forms and in imports."
      actions={canEdit && <Button onClick={() => setDialog({})}>Add field</Button>}
    >
      {error && (
        <Alert tone="error" className="mb-3">
          {errorMessage(error)}
        </Alert>
      )}
      {notice && !error && (
        <Alert tone="success" className="mb-3">
          {notice}
        </Alert>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No custom fields yet.</p>
      ) : (
        <ol
          aria-label="Custom fields"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        >
          {rows.map((f) => {
            const index = active.indexOf(f);
            return (
              <li key={f.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className={f.archived ? "text-slate-600 dark:text-slate-400" : "font-medium"}>
                    {f.label}
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    <code className="font-mono">{f.key}</code> ·{" "}
                    {FIELD_TYPE_LABELS[f.type as CustomFieldType] ?? f.type}
                    {f.options.length > 0 && ` · ${f.options.join(", ")}`}
                  </p>
                </div>
                {f.required && <Badge tone="amber">Required</Badge>}
                {f.archived && <Badge>Archived</Badge>}
                {canEdit && (
                  <div className="flex flex-wrap gap-1">
                    {!f.archived && (
                      <>
                        <Button
                          id={`field-${f.id}-up`}
                          size="sm"
                          variant="ghost"
                          aria-label={`Move ${f.label} up`}
                          title="Move up"
                          disabled={index === 0 || busy}
                          onClick={() => move(index, -1)}
                        >
                          <span aria-hidden>↑</span>
                        </Button>
                        <Button
                          id={`field-${f.id}-down`}
                          size="sm"
                          variant="ghost"
                          aria-label={`Move ${f.label} down`}
                          title="Move down"
                          disabled={index === active.length - 1 || busy}
                          onClick={() => move(index, 1)}
                        >
                          <span aria-hidden>↓</span>
                        </Button>
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-label={`Edit ${f.label}`}
                          disabled={busy}
                          onClick={() => setDialog({ field: f })}
                        >
                          Edit
                        </Button>
                      </>
                    )}
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`${f.archived ? "Restore" : "Archive"} ${f.label}`}
                      disabled={busy}
                      onClick={() => setArchived(f, !f.archived)}
                    >
                      {f.archived ? "Restore" : "Archive"}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {archived.length > 0 && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2"
          aria-expanded={showArchived}
          onClick={() => setShowArchived((v) => !v)}
        >
          {showArchived ? "Hide archived fields" : `Show archived fields (${archived.length})`}
        </Button>
      )}
      {dialog && (
        <CustomFieldDialog
          open
          field={dialog.field}
          onClose={() => setDialog(null)}
          onSaved={(message) => {
            setDialog(null);
            setNotice(message);
          }}
        />
      )}
    </Card>
  );
}
