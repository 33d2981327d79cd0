import { z } from "zod";

/**
 * The reply taxonomy (issue 8): what a lead's message means for outreach. One schema for the API
 * (`POST /ai/classify-reply`), the LLM's structured output, the offline classifier and the stored
 * result on a conversation message.
 */
export const REPLY_CATEGORIES = [
  "interested",
  "meeting_request",
  "question",
  "not_interested",
  "unsubscribe",
  "out_of_office",
  "wrong_person",
  "bounce",
  "auto_reply",
  "other",
] as const;
export type ReplyCategory = (typeof REPLY_CATEGORIES)[number];

export const AI_MODES = ["llm", "offline"] as const;

export const replyReferralSchema = z
  .object({
    name: z.string().nullable().meta({ description: "The person the sender points to" }),
    email: z.string().nullable(),
    title: z.string().nullable(),
  })
  .meta({ id: "ReplyReferral" });

/** What the model (or the offline classifier) answers: no mode, which the caller adds. */
export const replyVerdictSchema = z.object({
  category: z.enum(REPLY_CATEGORIES),
  confidence: z.number().min(0).max(1).meta({ description: "0–1" }),
  rationale: z.string().max(300).meta({ description: "One line: why this category" }),
  returnDate: z.iso
    .date()
    .nullable()
    .meta({ description: "out_of_office: the date the sender is back, when stated (YYYY-MM-DD)" }),
  referral: replyReferralSchema
    .nullable()
    .meta({ description: "wrong_person: the contact the sender refers to, when given" }),
});
export type ReplyVerdict = z.infer<typeof replyVerdictSchema>;

export const replyClassificationSchema = replyVerdictSchema
  .extend({ mode: z.enum(AI_MODES).meta({ description: "offline: the built-in classifier" }) })
  .meta({ id: "ReplyClassification" });
export type ReplyClassification = z.infer<typeof replyClassificationSchema>;

/** What a classifier reads: the reply's own words (quotes removed), and what else is known. */
export interface ReplyToClassify {
  text: string;
  subject?: string | null;
  /** Lower-cased header names → values, when the reply came as email. */
  headers?: Record<string, string>;
  /** The date the reply was received, to resolve "back on Monday" (defaults to today). */
  receivedAt?: Date;
}
