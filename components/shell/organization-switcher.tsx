"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { hardNavigate } from "@/lib/client/hard-navigate";

export interface OrgOption {
  id: string;
  name: string;
  role: string;
}

/** Switch the session to another of the user's organizations (new credentials, then reload). */
export function OrganizationSwitcher({
  current,
  options,
}: {
  current: string;
  options: OrgOption[];
}) {
  const [pending, setPending] = useState(false);
  if (options.length < 2) {
    return (
      <span className="truncate text-sm font-semibold">
        {options.find((o) => o.id === current)?.name}
      </span>
    );
  }
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="sr-only">Organization</span>
      <select
        value={current}
        disabled={pending}
        onChange={async (e) => {
          setPending(true);
          await apiFetch("/auth/switch-organization", { body: { organizationId: e.target.value } });
          hardNavigate("/");
        }}
        className="max-w-48 truncate rounded-lg border border-slate-300 bg-white px-2 py-1 font-semibold dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
