import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailTemplates, type CampaignVariant } from "@/db/schema";
import type { TemplateParts } from "@/lib/templates/render-template";
import { variantContent } from "../variant-content";

/**
 * The subject and bodies a variant sends (its own parts, with empty ones taken from its
 * template — read at send time, so editing the template changes the steps not yet sent). Null
 * when there is nothing to send (e.g. its template was deleted and it has no parts of its own).
 */
export async function variantParts(
  db: Queryable,
  orgId: string,
  variant: CampaignVariant,
): Promise<TemplateParts | null> {
  const [template] = variant.templateId
    ? await db
        .select({
          subject: emailTemplates.subject,
          html: emailTemplates.html,
          text: emailTemplates.text,
        })
        .from(emailTemplates)
        .where(
          and(eq(emailTemplates.organizationId, orgId), eq(emailTemplates.id, variant.templateId)),
        )
        .limit(1)
    : [];
  const parts = variantContent(variant, template);
  return parts.subject.trim() && parts.html.trim() ? parts : null;
}
