"use client";

import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/lib/client/format";
import {
  optionLabel,
  type CustomField,
  type LeadOptions,
  type MemberOption,
} from "@/lib/client/lead-hooks";
import { InlineOwnerSelect } from "./inline-owner-select";
import { InlineStatusSelect } from "./inline-status-select";
import type { Lead } from "./lead-types";
import type { LeadUpdate } from "./use-update-lead";

export interface CellContext {
  options: LeadOptions | undefined;
  members: MemberOption[] | undefined;
  update: (change: LeadUpdate) => void;
}

export interface LeadColumn {
  id: string;
  label: string;
  /** The API's sort field, when the list can be ordered by this column. */
  sortField?: string;
  /** Dates and scores read best newest/highest first. */
  firstDesc?: boolean;
  cell: (lead: Lead, ctx: CellContext) => React.ReactNode;
}

const muted = <span className="text-slate-500 dark:text-slate-400">—</span>;
const text = (v: string | null | undefined) => (v ? v : muted);
const when = (iso: string | null, withTime = false) =>
  iso ? (
    <time dateTime={iso} className="whitespace-nowrap">
      {withTime ? formatDateTime(iso) : formatDate(iso)}
    </time>
  ) : (
    muted
  );

const TEMPERATURE_TONE = { hot: "red", warm: "amber", cold: "blue" } as const;

/** Every column but the name (always shown first), in the chooser's order. */
export const BASE_COLUMNS: LeadColumn[] = [
  { id: "company", label: "Company", sortField: "company", cell: (l) => text(l.company) },
  {
    id: "email",
    label: "Email",
    cell: (l) =>
      l.email ? (
        <a
          href={`mailto:${l.email}`}
          className="text-slate-700 hover:underline dark:text-slate-300"
        >
          {l.email}
        </a>
      ) : (
        muted
      ),
  },
  { id: "phone", label: "Phone", cell: (l) => text(l.phone) },
  {
    id: "status",
    label: "Status",
    cell: (l, c) => (
      <InlineStatusSelect
        lead={l}
        statuses={c.options?.status}
        onChange={(status) => c.update({ lead: l, patch: { status }, optimistic: { status } })}
      />
    ),
  },
  {
    id: "owner",
    label: "Owner",
    cell: (l, c) => (
      <InlineOwnerSelect
        lead={l}
        members={c.members}
        onChange={(owner) =>
          c.update({
            lead: l,
            patch: { ownerId: owner?.id ?? null },
            optimistic: { ownerId: owner?.id ?? null, owner },
          })
        }
      />
    ),
  },
  {
    id: "source",
    label: "Source",
    cell: (l, c) => text(optionLabel(c.options?.source, l.source)),
  },
  {
    id: "score",
    label: "Score",
    sortField: "score",
    firstDesc: true,
    cell: (l) => (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        <span className="w-8 text-right tabular-nums">{l.score}</span>
        <Badge tone={TEMPERATURE_TONE[l.temperature]}>{l.temperature}</Badge>
      </span>
    ),
  },
  {
    id: "tags",
    label: "Tags",
    cell: (l) =>
      l.tags.length ? (
        <span className="flex max-w-56 flex-wrap gap-1">
          {l.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
        </span>
      ) : (
        muted
      ),
  },
  {
    id: "location",
    label: "City / country",
    cell: (l) => text([l.city, l.country].filter(Boolean).join(", ")),
  },
  {
    id: "industry",
    label: "Industry",
    cell: (l, c) => text(optionLabel(c.options?.industry, l.industry)),
  },
  {
    id: "lastContacted",
    label: "Last contacted",
    sortField: "lastContactedAt",
    firstDesc: true,
    cell: (l) => when(l.lastContactedAt),
  },
  {
    id: "nextFollowUp",
    label: "Next follow-up",
    sortField: "nextFollowUpAt",
    cell: (l) => when(l.nextFollowUpAt, true),
  },
  {
    id: "created",
    label: "Created",
    sortField: "createdAt",
    firstDesc: true,
    cell: (l) => when(l.createdAt),
  },
];

function formatCustom(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return String(value);
}

/** Custom fields become columns `cf.<key>` (the same name as their list filter). */
export function customFieldColumns(fields: CustomField[] | undefined): LeadColumn[] {
  return (fields ?? [])
    .filter((f) => !f.archived)
    .map((f) => ({
      id: `cf.${f.key}`,
      label: f.label,
      cell: (l) => text(formatCustom(l.customFields[f.key])),
    }));
}
