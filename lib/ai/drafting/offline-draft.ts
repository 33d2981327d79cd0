import { escapeHtml } from "@/lib/email/templates/layout";
import { renderTemplate, type TemplateParts } from "@/lib/templates/render-template";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import { leadVariables, type VariableValues } from "@/lib/templates/template-variables";
import type { ReplyCategory } from "../reply-classification";
import { pickTemplate, type TemplateCandidate } from "./choose-template";
import type { DraftContext } from "./draft-context";
import type { Draft, DraftPurpose, Suggestion } from "./draft-schemas";
import { offlineFirstLine } from "./offline-first-line";
import { skeletonsFor } from "./reply-skeletons";

/** Plain text as simple HTML: blank lines separate paragraphs, single breaks stay breaks. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** "Re: x" for a reply in a thread about x (never "Re: Re: x"). */
export function replySubject(subject: string | null | undefined): string {
  const base = subject?.trim() || "Your message";
  return /^re:/i.test(base) ? base : `Re: ${base}`;
}

/** The outreach email offline mode writes when the organization has no template at all. */
const OUTREACH_SKELETON: TemplateParts = {
  subject: "A quick question for {{company|you}}",
  html: "",
  text: "Hi {{firstName|there}},\n\n{{aiFirstLine}}\n\nI'd like to show you how we could help {{company|your team}}. Would you be open to a short call next week?\n\nBest regards,\n{{sender.name}}",
};

export function draftVariables(context: DraftContext, firstLine: string): VariableValues {
  return {
    ...leadVariables(context.lead),
    "sender.name": context.sender?.name,
    "sender.email": context.sender?.email,
    unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL,
    aiFirstLine: firstLine,
  };
}

export function contextFirstLine(context: DraftContext, now = new Date()) {
  return offlineFirstLine(context.lead, context.activity, now);
}

/**
 * A draft without a model: the chosen template (the given one, else the best fit for the purpose
 * or the reply's category) rendered with the lead's variables and an opener built from its real
 * fields; for a reply with no fitting template, the built-in skeleton for its category.
 */
export function offlineDraft(input: {
  purpose: DraftPurpose;
  context: DraftContext;
  templates: TemplateCandidate[];
  template: TemplateCandidate | null;
  note: string;
}): Draft {
  const { purpose, context, note } = input;
  const firstLine = contextFirstLine(context);
  const values = draftVariables(context, firstLine);
  if (purpose === "first_line") {
    return {
      subject: "",
      text: firstLine,
      html: textToHtml(firstLine),
      firstLine,
      mode: "offline",
      basedOn: {},
      notes: note,
    };
  }
  const category: ReplyCategory | null = context.inbound?.classification?.category ?? null;
  const template = input.template ?? pickTemplate(input.templates, purpose, category);
  const messageId = purpose === "reply" ? context.inbound?.id : undefined;
  if (template) {
    const rendered = renderTemplate(template, values);
    return {
      subject: purpose === "reply" ? replySubject(context.inbound?.subject) : rendered.subject,
      text: rendered.text,
      html: rendered.html,
      firstLine:
        template.text?.includes("aiFirstLine") || template.html.includes("aiFirstLine")
          ? firstLine
          : undefined,
      mode: "offline",
      basedOn: { templateId: template.id, templateName: template.name, messageId },
      notes: note,
    };
  }
  if (purpose === "reply") {
    const skeleton = skeletonsFor(category)[0]!;
    const rendered = renderTemplate({ subject: "", html: "", text: skeleton.text }, values);
    return {
      subject: replySubject(context.inbound?.subject),
      text: rendered.text,
      html: textToHtml(rendered.text),
      mode: "offline",
      basedOn: { messageId, skeleton: skeleton.key },
      notes: `${note} No template fitted, so this is the built-in "${skeleton.label}" reply.`,
    };
  }
  const rendered = renderTemplate(OUTREACH_SKELETON, values);
  return {
    subject: rendered.subject,
    text: rendered.text,
    html: textToHtml(rendered.text),
    firstLine,
    mode: "offline",
    basedOn: { skeleton: "email.outreach" },
    notes: `${note} The organization has no template, so this is the built-in outreach email.`,
  };
}

/** Offline suggestions: the category's built-in replies, filled with the lead's details. */
export function offlineSuggestions(context: DraftContext): Suggestion[] {
  const category = context.inbound?.classification?.category ?? null;
  const values = draftVariables(context, contextFirstLine(context));
  return skeletonsFor(category)
    .slice(0, 3)
    .map((s) => ({
      label: s.label,
      intent: s.intent,
      subject: replySubject(context.inbound?.subject),
      text: renderTemplate({ subject: "", html: "", text: s.text }, values).text,
    }));
}
