"use client";

import { cellSelectClass } from "./cell-select-class";
import type { LeadOption } from "@/lib/client/lead-hooks";
import type { Lead } from "./lead-types";

/** The lead's status as a labelled select; a change is saved at once. */
export function InlineStatusSelect({
  lead,
  statuses,
  onChange,
}: {
  lead: Lead;
  statuses: LeadOption[] | undefined;
  onChange: (status: string) => void;
}) {
  // Retired statuses can't be chosen, but a lead that still has one must show it.
  const choices = (statuses ?? []).filter((s) => !s.retired || s.value === lead.status);
  if (!choices.some((s) => s.value === lead.status)) {
    choices.push({
      value: lead.status,
      label: lead.status,
      position: 0,
      category: null,
      retired: true,
    });
  }
  return (
    <select
      aria-label={`Status of ${lead.displayName}`}
      value={lead.status}
      onChange={(e) => onChange(e.target.value)}
      className={`${cellSelectClass} w-36`}
    >
      {choices.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
