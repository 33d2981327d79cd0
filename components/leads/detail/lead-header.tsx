"use client";

import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/client/format";
import { optionLabel, useLeadOptions } from "@/lib/client/lead-hooks";
import type { LeadDetail } from "./lead-types";
import { OwnerPicker } from "./owner-picker";
import { ScoreBreakdown } from "./score-breakdown";
import { StatusStepper } from "./status-stepper";
import { TagsEditor } from "./tags-editor";

const linkClass = "text-brand-700 hover:underline dark:text-brand-500";

/** Who the lead is, where they are in the pipeline, who owns them, how hot they are, and tags. */
export function LeadHeader({
  lead,
  canDelete,
  canOverrideScore,
  onDelete,
}: {
  lead: LeadDetail;
  canDelete: boolean;
  canOverrideScore: boolean;
  onDelete: () => void;
}) {
  const options = useLeadOptions();
  const role = [lead.jobTitle, lead.company].filter(Boolean).join(" at ");
  return (
    <header className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="break-words text-2xl font-bold tracking-tight">{lead.displayName}</h1>
          {role && <p className="text-slate-700 dark:text-slate-300">{role}</p>}
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {lead.email && (
              <a href={`mailto:${lead.email}`} className={`${linkClass} break-all`}>
                {lead.email}
              </a>
            )}
            {lead.phone && (
              <a href={`tel:${lead.phone}`} className={linkClass}>
                {lead.phone}
              </a>
            )}
            {lead.website && (
              <a
                href={lead.website}
                target="_blank"
                rel="noreferrer noopener"
                className={linkClass}
              >
                {lead.domain ?? lead.website}
              </a>
            )}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {lead.source ? `${optionLabel(options.data?.source, lead.source)} · ` : ""}
            Created {formatDateTime(lead.createdAt)}
            {lead.doNotContact ? " · Do not contact" : ""}
            {lead.unsubscribed ? " · Unsubscribed" : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3 sm:justify-end">
          <div className="space-y-1">
            <p className="text-xs font-medium text-slate-600 dark:text-slate-400">Score</p>
            <ScoreBreakdown lead={lead} canOverride={canOverrideScore} />
          </div>
          <OwnerPicker lead={lead} />
          {canDelete && (
            <Button variant="secondary" onClick={onDelete}>
              Delete
            </Button>
          )}
        </div>
      </div>
      <StatusStepper lead={lead} />
      <TagsEditor lead={lead} />
    </header>
  );
}
