import type { LanguageModel } from "ai";
import type { z } from "zod";
import type { Ctx } from "@/lib/context";
import { getConversationRow } from "@/lib/conversations/get-conversation";
import { AppError, notFound } from "@/lib/errors";
import { organizationTemplates, templateById } from "./choose-template";
import { loadDraftContext } from "./draft-context";
import {
  callDraftModel,
  offlineNote,
  recordOfflineDraft,
  resolveDraftModel,
  type OfflineReason,
} from "./draft-model";
import { DRAFT_SYSTEM_PROMPT, draftPrompt, modelDraftSchema } from "./draft-prompt";
import type { conversationDraftInput, Draft, generateResponseInput } from "./draft-schemas";
import { offlineDraft, replySubject, textToHtml } from "./offline-draft";

export interface DraftOptions {
  /** The model to use instead of the organization's (tests; null = offline). */
  model?: LanguageModel | null;
}

// Caps on what the model writes back, applied after the call (see modelDraftSchema).
const MAX_SUBJECT = 200;
const MAX_TEXT = 10_000;
const MAX_FIRST_LINE = 400;

/**
 * Drafts a message to a lead (POST /ai/generate-response): a personalised first line, a whole
 * outreach email, or a reply to its latest message. With a model: written from the product
 * context, the lead's fields and timeline, the thread and the team's instructions (a given
 * template is the brief). Without one — not configured, over budget, or the call failed — an
 * offline draft from the organization's templates and the lead's real fields. Nothing is stored
 * or sent; `mode` says which one wrote it.
 */
export async function generateDraft(
  ctx: Ctx,
  input: z.output<typeof generateResponseInput>,
  options: DraftOptions = {},
): Promise<Draft> {
  const context = await loadDraftContext(ctx, {
    leadId: input.leadId,
    conversationId: input.conversationId,
    withThread: input.purpose === "reply",
  });
  if (input.purpose === "reply" && !context.inbound) {
    throw new AppError("unprocessable", "The lead has sent no message to reply to.");
  }
  const template = input.templateId
    ? await templateById(ctx.db, ctx.orgId, input.templateId)
    : null;
  if (input.templateId && !template) throw notFound("Template");

  const resolved = await resolveDraftModel(ctx.db, ctx.orgId, options.model);
  let reason: OfflineReason;
  if (resolved.mode === "llm") {
    const answer = await callDraftModel(ctx.db, ctx.orgId, resolved, {
      schema: modelDraftSchema,
      name: "draft",
      description: "An email drafted for a sales lead",
      system: DRAFT_SYSTEM_PROMPT,
      prompt: draftPrompt({
        purpose: input.purpose,
        context,
        template,
        instructions: input.instructions,
        tone: input.tone,
      }),
    });
    const usable = answer.ok && (answer.object.text.trim() || answer.object.firstLine?.trim());
    if (answer.ok && usable) {
      const { object } = answer;
      const firstLine = object.firstLine?.trim().slice(0, MAX_FIRST_LINE) || undefined;
      const text = (object.text.trim() || firstLine || "").slice(0, MAX_TEXT);
      const subject =
        input.purpose === "reply"
          ? replySubject(object.subject.trim() || context.inbound?.subject)
          : object.subject.trim().slice(0, MAX_SUBJECT);
      return {
        subject,
        text,
        html: textToHtml(text),
        ...(firstLine ? { firstLine } : {}),
        mode: "llm",
        basedOn: {
          ...(template ? { templateId: template.id, templateName: template.name } : {}),
          ...(input.purpose === "reply" && context.inbound
            ? { messageId: context.inbound.id }
            : {}),
        },
      };
    }
    reason = answer.ok ? "malformed_output" : answer.reason;
  } else {
    reason = resolved.reason;
    await recordOfflineDraft(ctx.db, ctx.orgId);
  }
  return offlineDraft({
    purpose: input.purpose,
    context,
    template,
    templates:
      template || input.purpose === "first_line"
        ? []
        : await organizationTemplates(ctx.db, ctx.orgId),
    note: offlineNote(reason),
  });
}

/**
 * POST /conversations/{id}/generate-response: a reply to the lead's latest message in that
 * conversation (visible to the caller, else 404).
 */
export async function draftConversationReply(
  ctx: Ctx,
  conversationId: string,
  input: z.output<typeof conversationDraftInput>,
  options: DraftOptions = {},
) {
  const row = await getConversationRow(ctx, conversationId);
  return generateDraft(
    ctx,
    { ...input, leadId: row.leadId, conversationId: row.id, purpose: "reply" },
    options,
  );
}
