import type { z } from "zod";
import type {
  conversationCountsSchema,
  conversationDetailSchema,
  conversationMessageSchema,
  conversationSchema,
} from "@/lib/conversations/conversation-schemas";

export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;
export type ConversationCounts = z.infer<typeof conversationCountsSchema>;

export interface Paged<T> {
  data: T[];
  pagination: { nextCursor: string | null; total: number };
}

/** The inbox's filters, sent as the list's query string (empty values are left out). */
export interface InboxFilters {
  unread?: "true";
  needsReply?: "true";
  ownerId?: "me";
  campaignId?: string;
  channel?: string;
  q?: string;
}

export const CHANNEL_LABELS: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  voice: "Voice",
};
