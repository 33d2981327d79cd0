import { escapeHtml } from "@/lib/email/templates/layout";
import { htmlToText, renderTemplate, type TemplateParts } from "@/lib/templates/render-template";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import { leadVariables, type LeadForTemplate } from "@/lib/templates/template-variables";
import { fromHeader } from "@/lib/email/from-header";

export interface SenderIdentity {
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  signatureHtml: string | null;
}

export interface ComplianceFooter {
  postalAddress: string | null;
  unsubscribeText: string | null;
}

export interface ComposedEmail {
  from: string;
  replyTo: string | undefined;
  subject: string;
  html: string;
  text: string;
}

const DEFAULT_UNSUBSCRIBE_TEXT = "Unsubscribe from these emails";

/**
 * One campaign email as the lead will read it, before tracking: the step rendered for the lead
 * (sender variables are the mailbox's), the mailbox's signature, and the footer bulk-mail law
 * asks for — the postal address and, unless the body already links it, an unsubscribe line.
 *
 * `{{unsubscribeUrl}}` renders as PREVIEW_UNSUBSCRIBE_URL here, in the body and the footer alike;
 * for a real send, decorateCampaignEmail (lib/tracking) then swaps that literal for the lead's
 * signed link. Test sends and previews keep the harmless anchor. Pure.
 */
export function composeCampaignEmail(input: {
  parts: TemplateParts;
  lead: LeadForTemplate;
  sender: SenderIdentity;
  footer: ComplianceFooter;
}): ComposedEmail {
  const { sender, footer } = input;
  const rendered = renderTemplate(input.parts, {
    ...leadVariables(input.lead),
    "sender.name": sender.fromName,
    "sender.email": sender.fromAddress,
    unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL,
  });
  let html = rendered.html;
  let text = rendered.text;
  if (sender.signatureHtml?.trim()) {
    html += `<br><br>${sender.signatureHtml}`;
    text += `\n\n-- \n${htmlToText(sender.signatureHtml)}`;
  }
  const footerHtml: string[] = [];
  const footerText: string[] = [];
  if (!html.includes(PREVIEW_UNSUBSCRIBE_URL)) {
    const label = footer.unsubscribeText?.trim() || DEFAULT_UNSUBSCRIBE_TEXT;
    footerHtml.push(`<a href="${PREVIEW_UNSUBSCRIBE_URL}">${escapeHtml(label)}</a>`);
    footerText.push(`${label}: ${PREVIEW_UNSUBSCRIBE_URL}`);
  }
  if (footer.postalAddress?.trim()) {
    footerHtml.push(escapeHtml(footer.postalAddress.trim()));
    footerText.push(footer.postalAddress.trim());
  }
  if (footerHtml.length) {
    html += `<p style="margin-top:24px;font-size:12px;color:#6b7280">${footerHtml.join("<br>")}</p>`;
    text += `\n\n${footerText.join("\n")}`;
  }
  return {
    from: fromHeader(sender.fromName, sender.fromAddress),
    replyTo: sender.replyTo ?? undefined,
    subject: rendered.subject,
    html,
    text,
  };
}
