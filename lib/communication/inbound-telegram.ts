import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { communicationPreferences } from "@/db/schema";
import { announceInboundMessage } from "@/lib/conversations/announce-inbound";
import { handleLeadReply } from "@/lib/conversations/lead-replied";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { AppError } from "@/lib/errors";
import { organizationOfTelegramSecret } from "./channel-webhooks";
import { providerRow } from "./provider-accounts";

/** The part of a Telegram Update Leadline reads; anything else in it is ignored. */
export const telegramUpdate = z.looseObject({
  update_id: z.number().int(),
  message: z
    .looseObject({
      message_id: z.number().int(),
      date: z.number().int().optional(),
      text: z.string().optional(),
      caption: z.string().optional(),
      chat: z.looseObject({ id: z.union([z.number(), z.string()]) }),
      from: z.looseObject({ username: z.string().optional() }).optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdate>;

/**
 * A message someone sent the organization's bot: the secret token says whose bot it is; the chat
 * id finds the lead it was saved on (else the message waits unmatched). Recorded once per chat
 * and message id; a lead's reply stops their sequences.
 */
export async function receiveTelegramUpdate(
  db: Database,
  input: { secret: string | null; update: TelegramUpdate },
): Promise<{ recorded: boolean; leadId: string | null }> {
  const organizationId = organizationOfTelegramSecret(input.secret);
  const bot = organizationId ? await providerRow(db, organizationId, "telegram") : undefined;
  if (!organizationId || !bot) {
    throw new AppError("forbidden", "The Telegram secret token doesn't verify.");
  }
  const message = input.update.message;
  const text = message?.text ?? message?.caption;
  if (!message || text === undefined) return { recorded: false, leadId: null };
  const chatId = String(message.chat.id);
  const [prefs] = await db
    .select({ leadId: communicationPreferences.leadId })
    .from(communicationPreferences)
    .where(
      and(
        eq(communicationPreferences.organizationId, organizationId),
        eq(communicationPreferences.telegramChatId, chatId),
      ),
    )
    .limit(1);
  const leadId = prefs?.leadId ?? null;
  return db.transaction(async (tx) => {
    const recorded = await recordInboundMessage(tx, {
      organizationId,
      leadId,
      channel: "telegram",
      matchedBy: leadId ? "sender" : "none",
      inboundKind: "human_reply",
      body: text,
      fromAddress: message.from?.username ? `@${message.from.username}` : chatId,
      toAddress: bot.config.botUsername ? `@${bot.config.botUsername}` : null,
      externalId: `${chatId}:${message.message_id}`,
      details: { chatId },
      dedupeKey: `telegram:${chatId}:${message.message_id}`,
      ...(message.date ? { occurredAt: new Date(message.date * 1000) } : {}),
    });
    if (recorded && leadId) {
      await handleLeadReply(tx, {
        organizationId,
        leadId,
        messageId: recorded.id,
        channel: "telegram",
        preview: text,
      });
    }
    if (recorded) {
      // Classified like an email reply (the offline classifier reads any language's text).
      await announceInboundMessage(tx, {
        organizationId,
        conversationId: recorded.conversationId,
        messageId: recorded.id,
        leadId,
        kind: "human_reply",
      });
    }
    return { recorded: Boolean(recorded), leadId };
  });
}
