"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import type { LeadOption } from "@/lib/client/lead-hooks";

/** Asks why a lead was lost before moving it to a lost status (the reason is optional). */
export function LostReasonDialog({
  status,
  reasons,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  status: LeadOption | null;
  reasons: LeadOption[];
  pending: boolean;
  error?: string;
  onClose: () => void;
  onConfirm: (lostReason: string | null) => void;
}) {
  return (
    <Dialog open={status !== null} onClose={onClose} title={`Mark as ${status?.label ?? "lost"}`}>
      {status && (
        <LostReasonForm
          reasons={reasons}
          pending={pending}
          error={error}
          onClose={onClose}
          onConfirm={onConfirm}
        />
      )}
    </Dialog>
  );
}

function LostReasonForm({
  reasons,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  reasons: LeadOption[];
  pending: boolean;
  error?: string;
  onClose: () => void;
  onConfirm: (lostReason: string | null) => void;
}) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(reason || null);
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <SelectField
        label="Why was it lost?"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        options={[
          { value: "", label: "No reason given" },
          ...reasons.map((r) => ({ value: r.value, label: r.label })),
        ]}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" loading={pending}>
          Mark as lost
        </Button>
      </div>
    </form>
  );
}
