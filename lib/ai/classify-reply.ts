import type { LanguageModel } from "ai";
import { log } from "@/lib/log";
import {
  CLASSIFY_REPLY_SYSTEM_PROMPT,
  classifyReplyPrompt,
  type ReplyPromptInput,
} from "./classify-reply-prompt";
import { classifyReplyOffline } from "./offline/classify-reply";
import {
  replyVerdictSchema,
  type ReplyClassification,
  type ReplyToClassify,
  type ReplyVerdict,
} from "./reply-classification";
import { LlmCallError, runStructured, type LlmCallOptions, type LlmUsage } from "./run-structured";

export type ClassifyReplyInput = ReplyPromptInput;

/** Tokens and time of one model call, for per-organization usage accounting. */
export interface ClassificationUsage extends LlmUsage {
  latencyMs: number;
}

export interface ClassifyReplyOptions extends LlmCallOptions {
  /** The organization's (or installation's) model; null/undefined → the offline classifier. */
  model?: LanguageModel | null;
  /** Called once per model call that reported usage, also when its answer was unusable. */
  onUsage?: (usage: ClassificationUsage) => void;
}

/**
 * Classifies a lead's reply with the configured LLM, or the built-in offline classifier when there
 * is none or the model fails (error, timeout, answer outside the schema). Never throws for a model
 * problem: a reply always gets a category, and `mode` says which classifier gave it.
 */
export async function classifyReply(
  input: ClassifyReplyInput,
  options: ClassifyReplyOptions = {},
): Promise<ReplyClassification> {
  if (!options.model) return offline(input);
  try {
    const { object, usage, latencyMs } = await runStructured(options.model, {
      schema: replyVerdictSchema,
      name: "reply_classification",
      description: "The category of a lead's reply to outreach",
      system: CLASSIFY_REPLY_SYSTEM_PROMPT,
      prompt: classifyReplyPrompt(input),
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      abortSignal: options.abortSignal,
      // The verdict is ~100 tokens; the headroom is for reasoning models' thinking tokens.
      maxOutputTokens: options.maxOutputTokens ?? 4_000,
    });
    options.onUsage?.({ ...usage, latencyMs });
    return { ...consistent(object), mode: "llm" };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    if (error.usage) options.onUsage?.({ ...error.usage, latencyMs: error.latencyMs });
    log.warn("reply classification fell back to the offline classifier", {
      reason: error.kind,
      error: error.message,
      latencyMs: error.latencyMs,
    });
    return offline(input);
  }
}

function offline(input: ClassifyReplyInput): ReplyClassification {
  const reply: ReplyToClassify = {
    text: input.text,
    subject: input.subject,
    headers: input.headers,
    receivedAt: input.receivedAt,
  };
  return { ...classifyReplyOffline(reply), mode: "offline" };
}

/** A return date belongs to an absence and a referral to a wrong contact; drop stray ones. */
function consistent(verdict: ReplyVerdict): ReplyVerdict {
  return {
    ...verdict,
    returnDate: verdict.category === "out_of_office" ? verdict.returnDate : null,
    referral: verdict.category === "wrong_person" ? verdict.referral : null,
  };
}
