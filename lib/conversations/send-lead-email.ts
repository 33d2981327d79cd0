import { and, desc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { conversationMessages, emailMessages, leads, mailboxes } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { recordOwnActivity } from "@/lib/activity/record-user-activity";
import { newId } from "@/lib/crypto/ids";
import { fromHeader } from "@/lib/email/from-header";
import { queueEmail } from "@/lib/email/queue-email";
import { escapeHtml } from "@/lib/email/templates/layout";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/leads/activity";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { campaignEmailSettings } from "@/lib/campaigns/sequence/campaign-email-settings";
import { findSuppression } from "@/lib/suppressions/suppressions";
import { htmlToText } from "@/lib/templates/render-template";
import { replyTokenAddress } from "./reply-token";
import { takeOverLead } from "./take-over";

export const sendLeadEmailInput = z
  .strictObject({
    subject: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .meta({ description: "Defaults to “Re: ” and the thread's subject" }),
    text: z.string().trim().min(1).max(50_000).meta({ description: "The message, plain text" }),
    html: z
      .string()
      .max(200_000)
      .optional()
      .meta({ description: "An HTML version; the plain text is rendered when omitted" }),
    mailboxId: z
      .uuid()
      .optional()
      .meta({ description: "Send from this mailbox instead of the one the thread uses" }),
  })
  .meta({ id: "SendLeadEmail" });
export type SendLeadEmailInput = z.infer<typeof sendLeadEmailInput>;

type MailboxRow = typeof mailboxes.$inferSelect;

/** The mailbox the thread runs through (the last one that wrote to the lead), else the default. */
async function threadMailbox(tx: Queryable, ctx: Ctx, leadId: string, chosen?: string) {
  const org = eq(mailboxes.organizationId, ctx.orgId);
  const byId = async (id: string) =>
    (
      await tx
        .select()
        .from(mailboxes)
        .where(and(org, eq(mailboxes.id, id)))
        .limit(1)
    )[0];
  if (chosen) {
    const row = await byId(chosen);
    if (!row)
      throw new AppError("validation_error", "No such mailbox.", {
        errors: [{ path: "mailboxId", message: "Not a mailbox of this organization" }],
      });
    return row;
  }
  const [last] = await tx
    .select({ mailboxId: emailMessages.mailboxId })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, ctx.orgId),
        eq(emailMessages.leadId, leadId),
        isNotNull(emailMessages.mailboxId),
      ),
    )
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  const kept = last?.mailboxId ? await byId(last.mailboxId) : undefined;
  if (kept) return kept;
  const [fallback] = await tx
    .select()
    .from(mailboxes)
    .where(and(org, eq(mailboxes.isDefault, true)))
    .limit(1);
  if (!fallback) throw new AppError("no_mailbox", "Set up a mailbox to send email from.");
  return fallback;
}

/** The latest email in the conversation: what a reply threads under, and its subject. */
async function threadHead(tx: Queryable, ctx: Ctx, leadId: string) {
  const [head] = await tx
    .select({
      subject: conversationMessages.subject,
      externalId: conversationMessages.externalId,
      references: conversationMessages.references,
    })
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, ctx.orgId),
        eq(conversationMessages.leadId, leadId),
        eq(conversationMessages.channel, "email"),
        isNotNull(conversationMessages.externalId),
      ),
    )
    .orderBy(desc(conversationMessages.occurredAt))
    .limit(1);
  return head;
}

const replySubject = (subject: string | null | undefined) =>
  subject ? `Re: ${subject.replace(/^\s*((re|aw|sv|fw|fwd)\s*:\s*)+/i, "")}` : "Following up";

function withSignature(mailbox: MailboxRow, text: string, html: string | undefined) {
  const body = html ?? `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const signature = mailbox.signatureHtml?.trim();
  return signature
    ? { html: `${body}<br><br>${signature}`, text: `${text}\n\n-- \n${htmlToText(signature)}` }
    : { html: body, text };
}

/**
 * A rep's own email to a lead, answering in the lead's thread: from the thread's mailbox, with
 * In-Reply-To/References and "Re:" subject so it lands in the same thread in the lead's client.
 * It is recorded on the conversation and, since a person is now handling the lead, automation is
 * held for them (seed 001: a manual message halts automation) — unless automation itself sent it
 * (`automated`: an auto-responder's template). Nothing goes to a lead who can't
 * be emailed — no address, do not contact, unsubscribed or suppressed.
 */
export async function sendLeadEmail(
  ctx: Ctx,
  input: SendLeadEmailInput & {
    leadId: string;
    campaignId?: string;
    /**
     * Sent by automation a person set up (an auto-responder rule), not written by hand: recorded
     * as the system's, and the lead's automation keeps running.
     */
    automated?: boolean;
  },
  db: Queryable = ctx.db,
) {
  assertCan(ctx, "conversations:write");
  const run = async (tx: Queryable) => {
    const lead = await getLeadOrThrow(ctx, input.leadId, { db: tx });
    if (!lead.email) throw new AppError("no_channel_address", "This lead has no email address.");
    if (lead.doNotContact)
      throw new AppError("do_not_contact", "This lead is marked do not contact.");
    if (lead.unsubscribed || (await findSuppression(tx, ctx.orgId, lead.email))) {
      throw new AppError(
        "unsubscribed",
        "This address unsubscribed or bounced; it can't be emailed.",
      );
    }
    const mailbox = await threadMailbox(tx, ctx, lead.id, input.mailboxId);
    const head = await threadHead(tx, ctx, lead.id);
    const settings = await campaignEmailSettings(tx, ctx.orgId);
    const id = newId();
    const headers: Record<string, string> = {};
    if (head?.externalId) {
      headers["In-Reply-To"] = head.externalId;
      headers.References = [...(head.references ?? []).slice(-9), head.externalId].join(" ");
    }
    const body = withSignature(mailbox, input.text, input.html);
    const subject = input.subject ?? replySubject(head?.subject);
    const emailMessageId = await queueEmail(tx, {
      id,
      organizationId: ctx.orgId,
      kind: "manual",
      to: lead.email,
      from: fromHeader(mailbox.fromName, mailbox.fromAddress),
      replyTo: settings.inboundAddress
        ? replyTokenAddress(settings.inboundAddress, id)
        : (mailbox.replyTo ?? undefined),
      subject,
      html: body.html,
      text: body.text,
      headers,
      transport: mailbox.transport,
      mailboxId: mailbox.id,
      leadId: lead.id,
      campaignId: input.campaignId,
      author: input.automated ? "system" : "user",
      authorUserId: input.automated ? null : ctx.actor.userId,
    });
    const [message] = await tx
      .select({ id: conversationMessages.id, conversationId: conversationMessages.conversationId })
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.organizationId, ctx.orgId),
          eq(conversationMessages.emailMessageId, emailMessageId),
        ),
      )
      .limit(1);
    await tx
      .update(leads)
      .set({ lastContactedAt: new Date() })
      .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, lead.id)));
    await recordActivity(tx, ctx, lead.id, "message_sent", {
      channel: "email",
      subject,
      messageId: message!.id,
      ...(input.automated ? { automated: true } : {}),
    });
    if (!input.automated) {
      // A person's email to a lead counts in activity tracking (automated and campaign sends don't
      // come through here as a person's).
      await recordOwnActivity(tx, ctx, {
        kind: "email",
        leadId: lead.id,
        data: { messageId: message!.id, emailMessageId },
      });
      await takeOverLead(tx, ctx, {
        leadId: lead.id,
        campaignId: input.campaignId,
        reason: "A rep wrote to the lead by hand",
      });
    }
    return { messageId: message!.id, conversationId: message!.conversationId!, emailMessageId };
  };
  return db.transaction(run);
}
