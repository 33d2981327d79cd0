import { and, eq } from "drizzle-orm";
import { leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { adapterFor, MAX_BODY } from "@/lib/channels/adapter-for";
import type { Ctx } from "@/lib/context";
import { recordOutboundMessage } from "@/lib/conversations/record-message";
import { takeOverLead } from "@/lib/conversations/take-over";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/leads/activity";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import { decideChannel, type OrganizationSetup } from "./channel-policy";
import { loadOrganizationSetup, type PreferencesRow } from "./organization-setup";
import { leadPreferenceRows } from "./preferences";
import { accountsFor } from "./provider-accounts";
import type { SendMessageInput, SentMessage } from "./send-schemas";

/**
 * Send one message to a lead whose visibility the caller already established: the channel rule
 * first (nothing is sent, and nothing pretends to be, when it says no), then the provider, then
 * the message on the lead's conversation and the lead's last contact. The provider is called
 * outside any transaction; only its accepted message is recorded. `manual`: a rep wrote it, so
 * automation is held for the lead, as for a hand-written email.
 */
export async function deliverToLead(
  ctx: Ctx,
  lead: LeadRow,
  setup: OrganizationSetup,
  prefs: PreferencesRow | undefined,
  input: SendMessageInput,
  options: { manual: boolean },
): Promise<SentMessage> {
  const { channel, body } = input;
  const decision = decideChannel(channel, setup, lead, prefs ?? null);
  if (!decision.ok) {
    throw new AppError(decision.code, decision.reason, { extra: { channel } });
  }
  if (body.length > MAX_BODY[channel]) {
    throw new AppError(
      "validation_error",
      `A ${channel} message takes ${MAX_BODY[channel]} characters.`,
      {
        errors: [
          { path: "body", message: `At most ${MAX_BODY[channel]} characters on ${channel}` },
        ],
      },
    );
  }
  const adapter = adapterFor(channel, accountsFor(setup.providers, channel));
  if (!adapter)
    throw new AppError("channel_not_configured", `The ${channel} channel is not set up.`);
  const subject = channel === "email" ? input.subject : undefined;
  const result = await adapter.send({ ctx, leadId: lead.id }, { to: decision.to, body, subject });
  const sent = (recorded: { messageId: string; conversationId: string }): SentMessage => ({
    ...recorded,
    channel,
    status: result.status,
    externalId: result.externalId,
    to: decision.to,
  });
  // Email went through sendLeadEmail, which records, touches the lead and holds automation itself.
  if (result.recorded) return sent(result.recorded);
  return ctx.db.transaction(async (tx) => {
    const message = await recordOutboundMessage(tx, {
      organizationId: ctx.orgId,
      leadId: lead.id,
      channel,
      author: ctx.actor.userId ? "user" : "system",
      authorUserId: ctx.actor.userId,
      status: result.status,
      body,
      toAddress: decision.to,
      fromAddress: result.fromAddress,
      externalId: result.externalId,
    });
    await tx
      .update(leads)
      .set({ lastContactedAt: new Date() })
      .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, lead.id)));
    await recordActivity(tx, ctx, lead.id, "message_sent", {
      channel,
      messageId: message.id,
      preview: body.slice(0, 200),
    });
    if (options.manual) {
      await takeOverLead(tx, ctx, { leadId: lead.id, reason: "A rep wrote to the lead by hand" });
    }
    return sent({ messageId: message.id, conversationId: message.conversationId });
  });
}

/** POST /communication/send/{leadId}: one message to one lead the caller can see. */
export async function sendToLead(
  ctx: Ctx,
  leadId: string,
  input: SendMessageInput,
): Promise<SentMessage> {
  assertCan(ctx, "conversations:write");
  const lead = await getLeadOrThrow(ctx, leadId);
  const [setup, prefs] = await Promise.all([
    loadOrganizationSetup(ctx.db, ctx.orgId),
    leadPreferenceRows(ctx.db, ctx.orgId, [leadId]),
  ]);
  return deliverToLead(ctx, lead, setup, prefs.get(leadId), input, {
    manual: ctx.actor.type === "user",
  });
}
