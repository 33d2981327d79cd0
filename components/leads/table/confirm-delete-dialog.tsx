"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

const n = new Intl.NumberFormat();

export function ConfirmDeleteDialog({
  open,
  count,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const what = `${n.format(count)} ${count === 1 ? "lead" : "leads"}`;
  return (
    <Dialog open={open} onClose={onCancel} title={`Delete ${what}?`}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        They move to the trash with their notes and history — not erased, so they can be restored.
      </p>
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" loading={pending} onClick={onConfirm}>
          Delete {what}
        </Button>
      </div>
    </Dialog>
  );
}
