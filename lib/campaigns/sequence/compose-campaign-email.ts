import { offlineFirstLine } from "@/lib/ai/drafting/offline-first-line";
import type { StepAiDraft } from "@/lib/ai/drafting/step-ai-draft";
import { escapeHtml } from "@/lib/email/templates/layout";
import {
  findVariables,
  htmlToText,
  renderTemplate,
  type TemplateParts,
} from "@/lib/templates/render-template";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import {
  AI_FIRST_LINE_VARIABLE,
  leadVariables,
  type LeadForTemplate,
} from "@/lib/templates/template-variables";
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
  /**
   * Machine-written content is in this email: a whole step drafted for the lead, or an opener in
   * `{{aiFirstLine}}`. Approval policies hold such messages for a person to check.
   */
  aiDrafted: boolean;
  /** Who wrote that content: the organization's model, or the offline drafter; null if none. */
  aiMode: "llm" | "offline" | null;
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
  lead: LeadForTemplate & { industry?: string | null };
  sender: SenderIdentity;
  footer: ComplianceFooter;
  /** The step's AI personalisation for this lead (draftCampaignStep), when it has one. */
  ai?: StepAiDraft | null;
}): ComposedEmail {
  const { sender, footer, ai } = input;
  // A whole step drafted for the lead replaces the step's own content (which was its brief).
  const whole = ai?.whole ?? null;
  const parts: TemplateParts = whole
    ? { subject: whole.subject, html: whole.html, text: whole.text }
    : input.parts;
  const usesFirstLine = [parts.subject, parts.html, parts.text ?? ""].some((part) =>
    findVariables(part).some((v) => v.name === AI_FIRST_LINE_VARIABLE),
  );
  // Without a drafted opener the step still reads well: the offline one, from the lead's fields.
  const firstLine = usesFirstLine
    ? (ai?.firstLine ?? offlineFirstLine({ industry: null, ...input.lead }))
    : null;
  const aiMode = whole || firstLine ? (whole || ai?.firstLine ? ai!.mode : "offline") : null;
  const rendered = renderTemplate(parts, {
    ...leadVariables(input.lead),
    "sender.name": sender.fromName,
    "sender.email": sender.fromAddress,
    unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL,
    [AI_FIRST_LINE_VARIABLE]: firstLine,
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
    aiDrafted: aiMode !== null,
    aiMode,
  };
}
