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

// Exact to the cent: a table of deals is read for the amount, not its gist.
const money = (value: number | null, currency: string | null) => {
  if (value === null) return muted;
  const formatted = currency
    ? new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value)
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
  return <span className="whitespace-nowrap tabular-nums">{formatted}</span>;
};
// A calendar day, not an instant: formatted in UTC so no time zone moves it to the day before.
const calendarDay = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const day = (ymd: string | null) =>
  ymd ? (
    <time dateTime={ymd} className="whitespace-nowrap">
      {calendarDay.format(new Date(`${ymd}T00:00:00Z`))}
    </time>
  ) : (
    muted
  );

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
    id: "dealValue",
    label: "Deal value",
    sortField: "dealValue",
    firstDesc: true,
    cell: (l) => money(l.dealValue, l.dealCurrency),
  },
  {
    id: "expectedClose",
    label: "Expected close",
    sortField: "expectedCloseDate",
    cell: (l) => day(l.expectedCloseDate),
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
