import { z } from "zod";
import {
  CHANNELS,
  CONVERSATION_MODES,
  EMAIL_STATUSES,
  INBOUND_KINDS,
  MATCH_METHODS,
  MESSAGE_AUTHORS,
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
} from "@/db/schema";
import { replyClassificationSchema } from "@/lib/ai/reply-classification";
import { pageQuerySchema } from "@/lib/http/pagination";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const listConversationsQuery = pageQuerySchema
  .extend({
    unread: bool.optional().meta({ description: "Only conversations with unread messages" }),
    needsReply: bool
      .optional()
      .meta({ description: "Only conversations where the lead wrote last" }),
    campaignId: z
      .uuid()
      .optional()
      .meta({ description: "Conversations with this campaign's leads" }),
    ownerId: z
      .union([z.uuid(), z.literal("me"), z.literal("none")])
      .optional()
      .meta({ description: "The lead's owner; `me` for the caller, `none` for unassigned" }),
    channel: z.enum(CHANNELS).optional().meta({ description: "The channel of the latest message" }),
    mode: z.enum(CONVERSATION_MODES).optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Lead name, email or company" }),
  })
  .strict()
  .meta({ id: "ConversationsQuery" });

const leadSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    ownerId: z.uuid().nullable(),
  })
  .meta({ id: "ConversationLead" });

export const conversationSchema = z
  .object({
    id: z.uuid(),
    lead: leadSummary,
    mode: z.enum(CONVERSATION_MODES).meta({
      description: "automated: campaigns may send; manual: taken over by a rep, automation held",
    }),
    takenOverBy: z.uuid().nullable(),
    takenOverAt: z.iso.datetime().nullable(),
    unreadCount: z.number().int(),
    needsReply: z.boolean(),
    lastMessageAt: z.iso.datetime(),
    lastInboundAt: z.iso.datetime().nullable(),
    lastOutboundAt: z.iso.datetime().nullable(),
    lastCampaignId: z.uuid().nullable(),
    lastChannel: z.enum(CHANNELS).nullable(),
    preview: z.string(),
  })
  .meta({ id: "Conversation" });
export type ConversationDto = z.infer<typeof conversationSchema>;

export const conversationMessageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    direction: z.enum(MESSAGE_DIRECTIONS),
    channel: z.enum(CHANNELS),
    author: z.enum(MESSAGE_AUTHORS).meta({
      description:
        "lead: from the lead; user: a rep; ai: drafted by AI; system: automation or a mail server",
    }),
    authorUserId: z.uuid().nullable(),
    status: z.union([z.enum(MESSAGE_STATUSES), z.enum(EMAIL_STATUSES)]).meta({
      description: "For outbound email, the delivery status of the email itself",
    }),
    subject: z.string().nullable(),
    body: z.string().meta({ description: "Inbound email: the reply's own words, quotes removed" }),
    fullText: z.string().nullable(),
    html: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    emailMessageId: z.uuid().nullable(),
    inboundKind: z.enum(INBOUND_KINDS).nullable(),
    matchedBy: z.enum(MATCH_METHODS).nullable(),
    details: z.record(z.string(), z.unknown()),
    events: z
      .object({
        deliveredAt: z.iso.datetime().nullable(),
        openedAt: z.iso.datetime().nullable(),
        clickedAt: z.iso.datetime().nullable(),
        bouncedAt: z.iso.datetime().nullable(),
        repliedAt: z.iso.datetime().nullable(),
      })
      .nullable()
      .meta({
        description: "Outbound email: when it was delivered, opened, clicked, bounced, replied",
      }),
    error: z.string().nullable(),
    classification: replyClassificationSchema
      .nullable()
      .meta({ description: "Inbound: what the reply means (the AI classifier or a person)" }),
    classificationState: z.enum(["pending", "applied", "review", "corrected"]).nullable().meta({
      description: "applied: effects done; review: waits for a person; corrected: by a person",
    }),
    readAt: z.iso.datetime().nullable(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: "ConversationMessage" });
export type ConversationMessageDto = z.infer<typeof conversationMessageSchema>;

export const conversationDetailSchema = conversationSchema
  .extend({ messages: z.array(conversationMessageSchema) })
  .meta({ id: "ConversationDetail" });

export const conversationCountsSchema = z
  .object({
    unread: z.number().int().meta({ description: "Conversations with unread messages" }),
    unreadMessages: z.number().int(),
    needsReply: z.number().int(),
    unmatched: z.number().int().meta({ description: "Inbound messages matched to no lead" }),
  })
  .meta({ id: "ConversationCounts" });

export const takeOverInput = z
  .strictObject({ reason: z.string().trim().min(1).max(500).optional() })
  .meta({ id: "TakeOverConversation" });

export const assignUnmatchedInput = z
  .strictObject({ leadId: z.uuid().meta({ description: "The lead this message is from" }) })
  .meta({ id: "AssignUnmatchedMessage" });
