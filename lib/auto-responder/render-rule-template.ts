import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailTemplates, users } from "@/db/schema";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import { renderTemplate, type RenderedParts } from "@/lib/templates/render-template";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import { leadVariables, type VariableValues } from "@/lib/templates/template-variables";
import { unsubscribeUrlFor } from "@/lib/tracking/decorate-email";

export interface RenderedRuleTemplate extends RenderedParts {
  templateId: string;
  templateName: string;
}

/**
 * A rule's template rendered for a lead: the lead's fields, the lead's owner as the sender (the
 * person the lead deals with), and a real unsubscribe link tied to the reply being answered — or,
 * for a dry run, the preview anchor. Without a lead, variables show their fallbacks. Null when
 * the template no longer exists in the organization.
 */
export async function renderRuleTemplate(
  db: Queryable,
  input: {
    organizationId: string;
    templateId: string;
    lead: Pick<
      LeadRow,
      | "id"
      | "firstName"
      | "lastName"
      | "email"
      | "company"
      | "jobTitle"
      | "phone"
      | "city"
      | "country"
      | "customFields"
      | "ownerId"
    > | null;
    /** The inbound message answered: set for real sends, absent for previews. */
    replyToMessageId?: string;
  },
): Promise<RenderedRuleTemplate | null> {
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(
      and(
        eq(emailTemplates.organizationId, input.organizationId),
        eq(emailTemplates.id, input.templateId),
      ),
    )
    .limit(1);
  if (!template) return null;
  const { lead } = input;
  let sender: VariableValues = {};
  if (lead?.ownerId) {
    const [owner] = await db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, lead.ownerId))
      .limit(1);
    if (owner) sender = { "sender.name": owner.name, "sender.email": owner.email };
  }
  const unsubscribeUrl =
    lead && input.replyToMessageId
      ? unsubscribeUrlFor({
          organizationId: input.organizationId,
          leadId: lead.id,
          messageId: input.replyToMessageId,
        })
      : PREVIEW_UNSUBSCRIBE_URL;
  const rendered = renderTemplate(template, {
    ...(lead ? leadVariables(lead) : {}),
    ...sender,
    unsubscribeUrl,
  });
  return { ...rendered, templateId: template.id, templateName: template.name };
}
