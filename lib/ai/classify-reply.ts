import type { LanguageModel } from "ai";
import { z } from "zod";
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

/**
 * What the model is asked for: the verdict's shape without length, range and pattern keywords,
 * which strict structured-output modes (OpenAI's) refuse or ignore. The answer is then held to
 * replyVerdictSchema itself, so limits still apply — only an over-long rationale is shortened.
 */
const modelVerdictSchema = replyVerdictSchema.extend({
  confidence: z.number().meta({ description: "0 to 1: how sure the category is" }),
  rationale: z.string().meta({ description: "One line under 300 characters: why this category" }),
  returnDate: z.string().nullable().meta({
    description: "out_of_office: the date the sender is back, when stated (YYYY-MM-DD), else null",
  }),
});

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
      schema: modelVerdictSchema,
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
    const verdict = replyVerdictSchema.safeParse({
      ...object,
      rationale: object.rationale.slice(0, 300),
    });
    if (!verdict.success) {
      throw new LlmCallError("malformed_output", "The model's answer broke the verdict's limits", {
        cause: verdict.error,
        latencyMs,
      });
    }
    return { ...consistent(verdict.data), mode: "llm" };
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
