"use client";

import { useQuery } from "@tanstack/react-query";
import type { LeadDto } from "@/components/settings/scoring/lead-picker";
import { TemplatePreview } from "@/components/templates/template-preview";
import type { Template } from "@/components/templates/template-types";
import { Alert } from "@/components/ui/alert";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { StepForm } from "./builder-state";
import type { Selection } from "./steps-editor";

/**
 * The selected step's variant rendered for a real lead, through the same renderer and checks as
 * the template editor. A template variant previews the template's saved parts.
 */
export function VariantPreview({
  steps,
  selected,
  lead,
  onLeadChange,
}: {
  steps: StepForm[];
  selected: Selection;
  lead: LeadDto | undefined;
  onLeadChange: (lead: LeadDto | undefined) => void;
}) {
  const variant = steps[selected.step]?.variants[selected.variant];
  const templateId = variant?.source === "template" ? variant.templateId : null;
  const template = useQuery({
    queryKey: queryKeys.templates.detail(templateId ?? "none"),
    queryFn: ({ signal }) => apiFetch<Template>(`/templates/${templateId}`, { signal }),
    enabled: Boolean(templateId),
  });
  if (!variant) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Add a step to preview it.</p>;
  }
  const heading = (
    <p className="text-sm font-medium" aria-live="polite">
      Step {selected.step + 1} · Variant {variant.label}
      {template.data && ` · template “${template.data.name}”`}
    </p>
  );
  if (variant.source === "template") {
    if (!templateId)
      return (
        <div className="space-y-3">
          {heading}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Choose a template to preview it.
          </p>
        </div>
      );
    if (template.error) return <Alert tone="error">{errorMessage(template.error)}</Alert>;
    if (!template.data)
      return <p className="text-sm text-slate-600 dark:text-slate-400">Loading template…</p>;
  }
  const draft =
    variant.source === "template" && template.data
      ? {
          subject: template.data.subject,
          html: template.data.html,
          text: template.data.text ?? "",
        }
      : { subject: variant.subject, html: variant.html, text: variant.text };
  return (
    <div className="space-y-3">
      {heading}
      <TemplatePreview draft={draft} lead={lead} onLeadChange={onLeadChange} />
    </div>
  );
}
