import type { CampaignVariant } from "@/db/schema";
import type { TemplateParts } from "@/lib/templates/render-template";

/**
 * What a variant sends: its own subject, HTML and text, with each part left empty taken from the
 * template it points at (so a variant can reuse a template and still override its subject).
 */
export function variantContent(
  variant: Pick<CampaignVariant, "subject" | "html" | "text">,
  template: TemplateParts | null | undefined,
): TemplateParts {
  return {
    subject: variant.subject.trim() ? variant.subject : (template?.subject ?? ""),
    html: variant.html.trim() ? variant.html : (template?.html ?? ""),
    text: variant.text?.trim() ? variant.text : (template?.text ?? null),
  };
}
