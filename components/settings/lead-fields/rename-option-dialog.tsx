"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import type { LeadOption } from "@/lib/client/lead-hooks";

/** A new label for a picklist value; its slug (what leads store) never changes. */
export function RenameOptionDialog({
  option,
  pending,
  error,
  onClose,
  onSave,
}: {
  option: LeadOption | undefined;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (label: string) => void;
}) {
  return (
    <Dialog open={!!option} onClose={onClose} title={`Rename ${option?.label ?? ""}`}>
      {option && (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const label = String(new FormData(e.currentTarget).get("label") ?? "").trim();
            if (label) onSave(label);
          }}
        >
          {error !== null && error !== undefined && (
            <Alert tone="error">{errorMessage(error)}</Alert>
          )}
          <Field
            label="Label"
            name="label"
            defaultValue={option.label}
            maxLength={80}
            required
            autoFocus
            hint={`Leads keep the stored value "${option.value}".`}
          />
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
