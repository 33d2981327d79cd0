"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { customFieldSchema } from "@/lib/leads/lead-options";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import {
  LEAD_VARIABLES,
  SENDER_VARIABLES,
  UNSUBSCRIBE_VARIABLE,
} from "@/lib/templates/template-variables";

type CustomField = z.infer<typeof customFieldSchema>;

const LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name",
  company: "Company",
  jobTitle: "Job title",
  email: "Email",
  phone: "Phone",
  city: "City",
  country: "Country",
  "sender.name": "Your name",
  "sender.email": "Your email",
  [UNSUBSCRIBE_VARIABLE]: "Unsubscribe link",
};

const chipClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";

/** Buttons that insert `{{variable}}` where the cursor was in the last focused part. */
export function VariablePicker({ onInsert }: { onInsert: (token: string) => void }) {
  const fields = useQuery({
    queryKey: queryKeys.customFields,
    queryFn: () => apiFetch<{ data: CustomField[] }>("/custom-fields"),
    select: (d) => d.data.filter((f) => !f.archived),
  });
  const groups: { title: string; items: { name: string; label: string }[] }[] = [
    { title: "Lead", items: LEAD_VARIABLES.map((name) => ({ name, label: LABELS[name]! })) },
    {
      title: "Custom fields",
      items: (fields.data ?? []).map((f) => ({ name: `custom.${f.key}`, label: f.label })),
    },
    {
      title: "Sender and links",
      items: [...SENDER_VARIABLES, UNSUBSCRIBE_VARIABLE].map((name) => ({
        name,
        label: LABELS[name]!,
      })),
    },
  ];
  return (
    <div role="group" aria-label="Insert a variable" className="space-y-2">
      <p className="text-sm font-medium text-slate-700 dark:text-slate-300">Insert a variable</p>
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <div key={g.title}>
            <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">{g.title}</p>
            <div className="flex flex-wrap gap-1.5">
              {g.items.map((v) => (
                <button
                  key={v.name}
                  type="button"
                  className={chipClass}
                  title={`{{${v.name}}}`}
                  aria-label={`Insert ${v.label} ({{${v.name}}})`}
                  // Keep focus (and the caret) in the field being edited.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onInsert(`{{${v.name}}}`)}
                >
                  {v.label}
                </button>
              ))}
            </div>
          </div>
        ))}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Add a fallback for empty values with a bar: {"{{firstName|there}}"}.
      </p>
    </div>
  );
}
