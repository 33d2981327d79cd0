import { and, eq } from "drizzle-orm";
import { conversationMessages, emailMessages } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import {
  assertCampaignRecipient,
  getConversation,
  getConversationRow,
  toMessageDto,
  messageColumns,
} from "./get-conversation";
import { sendLeadEmail, type SendLeadEmailInput } from "./send-lead-email";
import { handBackLead, takeOverLead } from "./take-over";

/** One message as the thread shows it. */
export async function getConversationMessage(ctx: Ctx, messageId: string) {
  const [row] = await ctx.db
    .select(messageColumns)
    .from(conversationMessages)
    .leftJoin(
      emailMessages,
      and(
        eq(emailMessages.organizationId, conversationMessages.organizationId),
        eq(emailMessages.id, conversationMessages.emailMessageId),
      ),
    )
    .where(
      and(
        eq(conversationMessages.organizationId, ctx.orgId),
        eq(conversationMessages.id, messageId),
      ),
    )
    .limit(1);
  return toMessageDto(row!);
}

/** POST /conversations/{id}/messages: a rep's reply through the lead's mailbox thread. */
export async function replyToConversation(ctx: Ctx, id: string, input: SendLeadEmailInput) {
  assertCan(ctx, "conversations:write");
  const row = await getConversationRow(ctx, id);
  const sent = await sendLeadEmail(ctx, { ...input, leadId: row.leadId });
  return getConversationMessage(ctx, sent.messageId);
}

/** POST /conversations/{id}/takeover: automation held for this lead until handed back. */
export async function takeOverConversation(ctx: Ctx, id: string, input: { reason?: string }) {
  assertCan(ctx, "conversations:write");
  const row = await getConversationRow(ctx, id);
  await ctx.db.transaction((tx) =>
    takeOverLead(tx, ctx, { leadId: row.leadId, reason: input.reason }),
  );
  return getConversation(ctx, id);
}

/** POST /conversations/{id}/handback: held sequences continue where they stopped. */
export async function handBackConversation(ctx: Ctx, id: string) {
  assertCan(ctx, "conversations:write");
  const row = await getConversationRow(ctx, id);
  await ctx.db.transaction((tx) => handBackLead(tx, ctx, { leadId: row.leadId }));
  return getConversation(ctx, id);
}

/** Seed 001: POST /campaigns/{id}/leads/{leadId}/messages — a manual message halts automation. */
export async function sendCampaignLeadMessage(
  ctx: Ctx,
  campaignId: string,
  leadId: string,
  input: SendLeadEmailInput,
) {
  await assertCampaignRecipient(ctx, campaignId, leadId);
  const sent = await sendLeadEmail(ctx, { ...input, leadId, campaignId });
  return getConversationMessage(ctx, sent.messageId);
}

/** Seed 001: POST /campaigns/{id}/leads/{leadId}/override — the rep takes control. */
export async function overrideCampaignLead(
  ctx: Ctx,
  campaignId: string,
  leadId: string,
  input: { reason?: string },
) {
  assertCan(ctx, "conversations:write");
  await assertCampaignRecipient(ctx, campaignId, leadId);
  await getLeadOrThrow(ctx, leadId);
  const result = await ctx.db.transaction((tx) =>
    takeOverLead(tx, ctx, { leadId, campaignId, reason: input.reason }),
  );
  return {
    ...(await getConversation(ctx, result.conversationId)),
    heldSequences: result.heldSequences,
  };
}

/** Seed 001: POST /campaigns/{id}/leads/{leadId}/cede — automation resumes from where it was. */
export async function cedeCampaignLead(ctx: Ctx, campaignId: string, leadId: string) {
  assertCan(ctx, "conversations:write");
  await assertCampaignRecipient(ctx, campaignId, leadId);
  await getLeadOrThrow(ctx, leadId);
  const result = await ctx.db.transaction((tx) => handBackLead(tx, ctx, { leadId, campaignId }));
  return {
    ...(await getConversation(ctx, result.conversationId)),
    resumedSequences: result.resumedSequences,
  };
}
