"use client";

import { cellSelectClass } from "./cell-select-class";
import type { MemberOption } from "@/lib/client/lead-hooks";
import type { Lead } from "./lead-types";

/** The lead's owner as a labelled select; the API decides who may be assigned whom. */
export function InlineOwnerSelect({
  lead,
  members,
  onChange,
}: {
  lead: Lead;
  members: MemberOption[] | undefined;
  onChange: (owner: { id: string; name: string; email: string } | null) => void;
}) {
  const choices = (members ?? []).map((m) => ({
    id: m.id,
    name: m.name || m.email,
    email: m.email,
  }));
  // A deactivated or hidden owner is not in the member list but is still this lead's owner.
  if (lead.owner && !choices.some((m) => m.id === lead.owner!.id)) choices.push(lead.owner);
  return (
    <select
      aria-label={`Owner of ${lead.displayName}`}
      value={lead.ownerId ?? ""}
      onChange={(e) => onChange(choices.find((m) => m.id === e.target.value) ?? null)}
      className={`${cellSelectClass} w-44`}
    >
      <option value="">Unassigned</option>
      {choices.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </select>
  );
}
