import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailTemplates, type CampaignVariant } from "@/db/schema";
import type { TemplateParts } from "@/lib/templates/render-template";

/**
 * The subject and bodies a variant sends. A variant built on a template takes the template's
 * parts where its own are left empty — read at send time, so editing the template changes the
 * steps not yet sent. Null when there is nothing to send (its template was deleted).
 */
export async function variantParts(
  db: Queryable,
  orgId: string,
  variant: CampaignVariant,
): Promise<TemplateParts | null> {
  let { subject, html } = variant;
  let text = variant.text;
  if (variant.templateId && (!subject.trim() || !html.trim() || !text?.trim())) {
    const [template] = await db
      .select()
      .from(emailTemplates)
      .where(
        and(eq(emailTemplates.organizationId, orgId), eq(emailTemplates.id, variant.templateId)),
      )
      .limit(1);
    if (template) {
      const own = subject.trim() && html.trim();
      if (!subject.trim()) subject = template.subject;
      if (!html.trim()) html = template.html;
      // The template's text part only goes with the template's HTML, never with a custom body.
      if (!text?.trim() && !own) text = template.text;
    }
  }
  if (!subject.trim() || !html.trim()) return null;
  return { subject, html, text };
}
