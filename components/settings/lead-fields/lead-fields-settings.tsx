"use client";

import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { useLeadOptions } from "@/lib/client/lead-hooks";
import { CustomFieldsCard } from "./custom-fields-card";
import { PicklistCard } from "./picklist-card";
import { OPTIONS_KEY, type PicklistKind } from "./use-lead-settings";

const PICKLISTS: { kind: PicklistKind; title: string; description: string }[] = [
  {
    kind: "status",
    title: "Statuses",
    description:
      "The pipeline, in order. Won and lost statuses close a lead; at least one open status stays.",
  },
  { kind: "source", title: "Sources", description: "Where leads come from." },
  { kind: "industry", title: "Industries", description: "What line of business a lead is in." },
  {
    kind: "lost_reason",
    title: "Lost reasons",
    description: "Why a lead was lost, for reporting.",
  },
];

/** Picklists and custom fields of the organization's leads. */
export function LeadFieldsSettings({ canEdit }: { canEdit: boolean }) {
  const options = useLeadOptions();
  if (options.error) return <Alert tone="error">{errorMessage(options.error)}</Alert>;
  if (!options.data)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading lead fields…</p>;
  return (
    <>
      {!canEdit && (
        <Alert>
          Only owners and admins can change lead fields. You can see how they are set up.
        </Alert>
      )}
      {PICKLISTS.map((p) => (
        <PicklistCard
          key={p.kind}
          {...p}
          options={options.data[OPTIONS_KEY[p.kind]]}
          canEdit={canEdit}
        />
      ))}
      <CustomFieldsCard fields={options.data.customFields} canEdit={canEdit} />
    </>
  );
}
