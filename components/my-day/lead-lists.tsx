"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { leadSchema } from "@/lib/leads/lead-schemas";
import { DaySection } from "./day-section";
import type { DayScope } from "./my-day";

type Lead = z.infer<typeof leadSchema>;
interface LeadPage {
  data: Lead[];
  pagination: { total: number };
}

const WEEK_MS = 7 * 86_400_000;

function LeadList({
  title,
  params,
  scope,
  empty,
  detail,
  tone,
}: {
  title: string;
  params: Record<string, string | number>;
  scope: DayScope;
  empty: string;
  detail: (lead: Lead) => React.ReactNode;
  tone: "green" | "red";
}) {
  const query = { ...params, perPage: 8, ...(scope === "mine" ? { ownerId: "me" } : {}) };
  const list = useQuery({
    queryKey: queryKeys.leads.list(query),
    queryFn: ({ signal }) => apiFetch<LeadPage>("/leads", { query, signal }),
  });
  const rows = list.data?.data;
  const total = list.data?.pagination.total;
  const more = new URLSearchParams(
    Object.fromEntries(
      Object.entries(query)
        .filter(([k]) => k !== "perPage")
        .map(([k, v]) => [k, String(v)]),
    ),
  );
  return (
    <DaySection
      title={title}
      count={total}
      tone={tone}
      loading={list.isPending}
      error={list.isError ? errorMessage(list.error) : undefined}
      empty={empty}
      action={
        total ? (
          <Link
            href={`/leads?${more}`}
            className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
          >
            See all
          </Link>
        ) : undefined
      }
    >
      {rows?.map((lead) => (
        <li key={lead.id} className="flex items-center gap-3 px-4 py-3 text-sm">
          <div className="min-w-0 flex-1">
            <Link
              href={`/leads/${lead.id}`}
              className="font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              {lead.displayName}
            </Link>
            <p className="truncate text-slate-600 dark:text-slate-400">
              {[lead.company, lead.jobTitle].filter(Boolean).join(" · ") || lead.email}
            </p>
          </div>
          <div className="shrink-0 text-right text-xs text-slate-600 dark:text-slate-400">
            {detail(lead)}
          </div>
        </li>
      ))}
    </DaySection>
  );
}

/** Leads their owner got in the last seven days, newest first. */
export function NewlyAssigned({ scope }: { scope: DayScope }) {
  // Fixed when the card mounts, so the query key (and its cache) stays put while it is open.
  const [since] = useState(() => new Date(Date.now() - WEEK_MS).toISOString());
  return (
    <LeadList
      title="Newly assigned"
      tone="green"
      scope={scope}
      params={{ assignedFrom: since, sort: "-assignedAt" }}
      empty="No leads were assigned in the last 7 days."
      detail={(l) => (
        <>
          {scope === "team" && l.owner && <span className="block">{l.owner.name}</span>}
          {l.assignedAt && formatDateTime(l.assignedAt)}
        </>
      )}
    />
  );
}

/** The hottest leads by score. */
export function HotLeads({ scope }: { scope: DayScope }) {
  return (
    <LeadList
      title="Hot leads"
      tone="red"
      scope={scope}
      params={{ temperature: "hot", sort: "-score" }}
      empty="No hot leads right now."
      detail={(l) => (
        <>
          <Badge tone="red">Score {l.score}</Badge>
          {scope === "team" && l.owner && <span className="mt-1 block">{l.owner.name}</span>}
        </>
      )}
    />
  );
}
