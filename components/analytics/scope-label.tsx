"use client";

import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { useAnalyticsFilters, useViewer } from "./use-analytics";

/**
 * Whose numbers these are. The API decides (reps see their own, managers their team's, admins
 * everyone's); this says it in words so nobody mistakes their own numbers for the company's.
 */
export function ScopeLabel() {
  const viewer = useViewer();
  const { filters } = useAnalyticsFilters();
  const members = useMembers().data ?? [];
  const sources = useLeadOptions().data?.source ?? [];
  const name = (id: string) => {
    const m = members.find((x) => x.id === id);
    return m ? m.name || m.email : "a member";
  };
  let who: string;
  const owners = filters.ownerId.map((id) => (id === "me" ? viewer.userId : id));
  if (viewer.role === "sales_rep" || (owners.length === 1 && owners[0] === viewer.userId))
    who = "Your numbers";
  else if (owners.length) who = `Owner: ${owners.map(name).join(", ")}`;
  else if (filters.teamId) who = `Team: ${name(filters.teamId)} and their reports`;
  else if (viewer.role === "manager") who = "Team: you and your reports";
  else who = "Everyone";
  const sourceText = filters.source.length
    ? ` · Source: ${filters.source
        .map((s) => sources.find((o) => o.value === s)?.label ?? s)
        .join(", ")}`
    : "";
  return (
    <p
      data-testid="analytics-scope"
      className="inline-flex items-center rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-500"
    >
      {who}
      {sourceText}
    </p>
  );
}
