"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  /** Offered when the name is taken: overwrite that view instead. */
  onReplace?: (name: string) => void;
  onClose: () => void;
}

/** Ask for a view's name (save or rename); a name clash can offer to replace that view. */
export function ViewNameDialog({ open, title, onClose, ...form }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {/* Mounted only while open, so every opening starts from the initial name. */}
      <ViewNameForm onClose={onClose} {...form} />
    </Dialog>
  );
}

function ViewNameForm({
  submitLabel,
  initialName,
  pending,
  error,
  onSubmit,
  onReplace,
  onClose,
}: Omit<Props, "open" | "title">) {
  const [name, setName] = useState(initialName);
  const apiError = error instanceof ApiError ? error : undefined;
  const conflict = apiError?.status === 409;
  const nameError = conflict
    ? `You already have a view named “${name.trim()}”.`
    : apiError?.fieldError("name");
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name.trim());
      }}
    >
      {Boolean(error) && !nameError && <Alert tone="error">{errorMessage(error)}</Alert>}
      <Field
        label="View name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        maxLength={80}
        autoFocus
        error={nameError}
      />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        {conflict && onReplace && (
          <Button variant="secondary" loading={pending} onClick={() => onReplace(name.trim())}>
            Replace it
          </Button>
        )}
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
