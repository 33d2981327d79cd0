"use client";

import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useMembers } from "@/lib/client/lead-hooks";
import type { LeadDetail } from "./lead-types";
import { useUpdateLead } from "./use-lead";

/** Reassign the lead; the API decides who the caller may assign to and says so if not. */
export function OwnerPicker({ lead, readOnly }: { lead: LeadDetail; readOnly?: boolean }) {
  const members = useMembers();
  const update = useUpdateLead(lead.id);
  const id = useId();
  const list = members.data ?? [];
  // A deactivated owner isn't among the active members but must still show as the current value.
  const options =
    lead.owner && !list.some((m) => m.id === lead.owner!.id)
      ? [...list, { id: lead.owner.id, name: lead.owner.name, email: lead.owner.email }]
      : list;
  const err = update.error instanceof ApiError ? update.error : undefined;
  const message = err?.fieldError("ownerId") ?? (update.error ? errorMessage(update.error) : null);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Owner
      </label>
      <select
        id={id}
        value={lead.ownerId ?? ""}
        disabled={readOnly || update.isPending}
        onChange={(e) => update.mutate({ ownerId: e.target.value || null })}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        className={`${inputClass} h-9 min-w-44 py-1`}
      >
        <option value="">Unassigned</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name || m.email}
          </option>
        ))}
      </select>
      {message && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}
