import { z } from "zod";
import { AI_MODES, REPLY_CATEGORIES } from "../reply-classification";

/** What a draft is for: a campaign opener line, a whole outreach email, or a reply in a thread. */
export const DRAFT_PURPOSES = ["first_line", "email", "reply"] as const;
export type DraftPurpose = (typeof DRAFT_PURPOSES)[number];

export const DRAFT_TONES = ["friendly", "formal", "direct", "casual"] as const;

const instructions = z
  .string()
  .trim()
  .max(2_000)
  .optional()
  .meta({ description: "Extra guidance for the writer, e.g. 'mention the webinar'" });

export const generateResponseInput = z
  .strictObject({
    leadId: z.uuid(),
    purpose: z.enum(DRAFT_PURPOSES).default("email").meta({
      description:
        "first_line: one personalised opening sentence; email: a whole outreach email; reply: an answer to the lead's latest message",
    }),
    conversationId: z
      .uuid()
      .optional()
      .meta({ description: "reply: the thread to answer (default: the lead's conversation)" }),
    campaignId: z.uuid().optional().meta({ description: "The campaign the draft is for" }),
    templateId: z
      .uuid()
      .optional()
      .meta({ description: "Draft from this template (offline) or use it as the brief (LLM)" }),
    instructions,
    tone: z.enum(DRAFT_TONES).optional(),
  })
  .meta({ id: "GenerateResponseInput" });
export type GenerateResponseInput = z.input<typeof generateResponseInput>;

/** The conversation route: the lead and the thread come from the path. */
export const conversationDraftInput = generateResponseInput
  .pick({ templateId: true, instructions: true, tone: true })
  .meta({ id: "ConversationDraftInput" });

export const draftSchema = z
  .object({
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    firstLine: z
      .string()
      .optional()
      .meta({ description: "The personalised opening sentence, when one was written" }),
    mode: z.enum(AI_MODES).meta({
      description: "llm: written by the organization's model; offline: from templates and rules",
    }),
    basedOn: z
      .object({
        templateId: z.uuid().optional(),
        templateName: z.string().optional(),
        messageId: z.uuid().optional().meta({ description: "The inbound message answered" }),
        skeleton: z
          .string()
          .optional()
          .meta({ description: "offline: the built-in reply skeleton used (no template fitted)" }),
      })
      .meta({ description: "What the draft was built from" }),
    notes: z
      .string()
      .optional()
      .meta({ description: "What to check before sending (e.g. why it is offline)" }),
  })
  .meta({ id: "Draft" });
export type Draft = z.infer<typeof draftSchema>;

export const suggestionSchema = z
  .object({
    label: z.string().meta({ description: "A few words for the button" }),
    intent: z.string().meta({
      description: "What the reply does, e.g. propose_times, answer_question, send_info",
    }),
    subject: z.string(),
    text: z.string(),
  })
  .meta({ id: "SuggestedReply" });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsSchema = z
  .object({
    suggestions: z.array(suggestionSchema).max(3),
    mode: z.enum(AI_MODES),
    messageId: z.uuid().nullable().meta({ description: "The inbound message answered" }),
    category: z
      .enum(REPLY_CATEGORIES)
      .nullable()
      .meta({ description: "That message's classification, when it has one" }),
    notes: z.string().optional(),
  })
  .meta({ id: "SuggestedReplies" });
export type Suggestions = z.infer<typeof suggestionsSchema>;
