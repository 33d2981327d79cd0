import { z } from "zod";
import { BULK_RESULT_STATUSES, BULK_SEND_STATUSES, CHANNELS } from "@/db/schema";

const message = {
  channel: z.enum(CHANNELS),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .meta({ description: "Email only; defaults to “Re: ” and the thread's subject" }),
  body: z.string().trim().min(1, "Write a message").max(50_000).meta({
    description: "The text; SMS/WhatsApp take 1,600 characters, Telegram 4,096, voice 2,000",
  }),
};

export const sendMessageInput = z.strictObject(message).meta({ id: "SendChannelMessage" });
export type SendMessageInput = z.infer<typeof sendMessageInput>;

export const MAX_BULK_LEADS = 1000;

export const bulkSendInput = z
  .strictObject({
    ...message,
    leadIds: z
      .array(z.uuid())
      .min(1, "Choose at least one lead")
      .max(MAX_BULK_LEADS, `At most ${MAX_BULK_LEADS} leads per bulk send`),
  })
  .meta({ id: "BulkSendChannelMessage" });
export type BulkSendInput = z.infer<typeof bulkSendInput>;

export const sentMessageSchema = z
  .object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channel: z.enum(CHANNELS),
    status: z.enum(["queued", "sent"]),
    externalId: z.string(),
    to: z.string(),
  })
  .meta({ id: "SentChannelMessage" });
export type SentMessage = z.infer<typeof sentMessageSchema>;

export const bulkSendSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(CHANNELS),
    status: z.enum(BULK_SEND_STATUSES),
    subject: z.string().nullable(),
    body: z.string(),
    total: z.number().int(),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    pending: z.number().int(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    results: z.array(
      z.object({
        leadId: z.uuid(),
        status: z.enum(BULK_RESULT_STATUSES),
        /** The error code and why (consent_denied: The lead declined sms messages.). */
        reason: z.string().nullable(),
        messageId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: "BulkSend" });
export type BulkSend = z.infer<typeof bulkSendSchema>;
