import type { Ctx } from "@/lib/context";
import { getConversationRow } from "@/lib/conversations/get-conversation";
import { assertCan } from "@/lib/auth/permissions";
import { loadDraftContext } from "./draft-context";
import {
  callDraftModel,
  offlineNote,
  recordOfflineDraft,
  resolveDraftModel,
  type OfflineReason,
} from "./draft-model";
import { DRAFT_SYSTEM_PROMPT, draftPrompt, modelSuggestionsSchema } from "./draft-prompt";
import type { Suggestion, Suggestions } from "./draft-schemas";
import type { DraftOptions } from "./generate-draft";
import { offlineSuggestions, replySubject } from "./offline-draft";

const MAX_SUGGESTIONS = 3;
const MAX_LABEL = 60;
const MAX_INTENT = 40;
const MAX_TEXT = 2_000;

/** The model's suggestions kept if they have words in them, trimmed to the API's limits. */
function usableSuggestions(
  raw: { label: string; intent: string; subject: string; text: string }[],
  fallbackSubject: string,
): Suggestion[] {
  return raw
    .filter((s) => s.text.trim() && s.label.trim())
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => ({
      label: s.label.trim().slice(0, MAX_LABEL),
      intent:
        s.intent
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .slice(0, MAX_INTENT) || "reply",
      subject: replySubject(s.subject.trim() || fallbackSubject),
      text: s.text.trim().slice(0, MAX_TEXT),
    }));
}

/**
 * GET /conversations/{id}/suggestions: two or three short replies to the lead's latest message,
 * each with a label and intent, from the organization's model — or, offline, the built-in replies
 * for the message's classification filled with the lead's details. A thread the lead hasn't
 * written in has nothing to answer: no suggestions, and no model call.
 */
export async function suggestReplies(
  ctx: Ctx,
  conversationId: string,
  options: DraftOptions = {},
): Promise<Suggestions> {
  assertCan(ctx, "conversations:read");
  const row = await getConversationRow(ctx, conversationId);
  const context = await loadDraftContext(ctx, {
    leadId: row.leadId,
    conversationId: row.id,
    withThread: true,
  });
  const inbound = context.inbound;
  if (!inbound) {
    const resolved = await resolveDraftModel(ctx.db, ctx.orgId, options.model);
    return {
      suggestions: [],
      mode: resolved.mode,
      messageId: null,
      category: null,
      notes: "The lead hasn't written in this conversation yet: there is nothing to answer.",
    };
  }
  const base = {
    messageId: inbound.id,
    category: inbound.classification?.category ?? null,
  };
  const resolved = await resolveDraftModel(ctx.db, ctx.orgId, options.model);
  let reason: OfflineReason;
  if (resolved.mode === "llm") {
    const answer = await callDraftModel(ctx.db, ctx.orgId, resolved, {
      schema: modelSuggestionsSchema,
      name: "suggested_replies",
      description: "Short replies a sales rep could send to the lead's latest message",
      system: DRAFT_SYSTEM_PROMPT,
      prompt: draftPrompt({ purpose: "suggestions", context }),
    });
    const suggestions = answer.ok
      ? usableSuggestions(answer.object.suggestions, inbound.subject ?? "")
      : [];
    if (suggestions.length) return { ...base, suggestions, mode: "llm" };
    reason = answer.ok ? "malformed_output" : answer.reason;
  } else {
    reason = resolved.reason;
    await recordOfflineDraft(ctx.db, ctx.orgId);
  }
  return {
    ...base,
    suggestions: offlineSuggestions(context),
    mode: "offline",
    notes: offlineNote(reason),
  };
}
