import { and, eq, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { conversationMessages, emailMessages } from "@/db/schema";
import { postponeLeadSequences } from "@/lib/campaigns/postpone-sequences";
import { SYSTEM_ACTOR } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto/keys";
import { scheduleSoftBounceResend } from "@/lib/email/resend-soft-bounced";
import { parseInboundEmail } from "@/lib/inbound/parse-inbound-email";
import type { ParsedInboundEmail } from "@/lib/inbound/types";
import { recordActivity } from "@/lib/leads/activity";
import { recordHardBounce } from "@/lib/tracking/record-hard-bounce";
import { unsubscribeLead } from "@/lib/tracking/unsubscribe-lead";
import { announceInboundMessage } from "../announce-inbound";
import { handleLeadReply } from "../lead-replied";
import { withoutNul } from "../without-nul";
import { recordInboundMessage } from "../record-message";
import { matchInboundEmail, type InboundMatch } from "./match-inbound-email";

export interface InboundEmailDelivery {
  /** The whole RFC 5322 message. */
  raw: string;
  /** resend: the provider's inbound event; mime: a raw message posted by any other provider. */
  source: "resend" | "mime";
  /** The provider's id for this delivery (Resend's email id), when it has one. */
  deliveryId?: string;
  /** Known when the webhook secret was the organization's own. */
  organizationId: string | null;
}

export interface InboundEmailResult {
  status: "recorded" | "duplicate";
  messageId: string | null;
  conversationId: string | null;
  organizationId: string | null;
  leadId: string | null;
  matchedBy: InboundMatch["matchedBy"];
  kind: ParsedInboundEmail["kind"];
}

function dedupeKey(delivery: InboundEmailDelivery, parsed: ParsedInboundEmail) {
  if (delivery.source === "resend" && delivery.deliveryId) return `resend:${delivery.deliveryId}`;
  return `mime:${parsed.messageId ?? sha256Hex(delivery.raw)}`;
}

/** Mail nobody's organization is known for has no unique key to lean on: look first. */
async function seenWithoutOrganization(tx: Queryable, key: string) {
  const [row] = await tx
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(
      and(isNull(conversationMessages.organizationId), eq(conversationMessages.dedupeKey, key)),
    )
    .limit(1);
  return Boolean(row);
}

async function bouncedMessage(tx: Queryable, organizationId: string, match: InboundMatch) {
  if (!match.emailMessageId) return undefined;
  const [row] = await tx
    .select({
      id: emailMessages.id,
      toAddress: emailMessages.toAddress,
      campaignId: emailMessages.campaignId,
      leadId: emailMessages.leadId,
    })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, organizationId),
        eq(emailMessages.id, match.emailMessageId),
      ),
    )
    .limit(1);
  return row;
}

/** A DSN: a hard bounce suppresses and stops; a failed delivery that may work later is resent. */
async function applyBounce(
  tx: Queryable,
  organizationId: string,
  parsed: ParsedInboundEmail,
  match: InboundMatch,
  at: Date,
) {
  const bounce = parsed.bounce;
  const original = await bouncedMessage(tx, organizationId, match);
  const address = original?.toAddress ?? bounce?.recipient;
  if (!bounce || !address) return;
  const detail = [bounce.status, bounce.diagnosticCode].filter(Boolean).join(" ").slice(0, 1000);
  if (bounce.hard) {
    await recordHardBounce(
      tx,
      {
        id: original?.id ?? null,
        organizationId,
        campaignId: original?.campaignId ?? match.campaignId,
        leadId: original?.leadId ?? match.leadId,
        toAddress: address,
      },
      at,
      detail || "Hard bounce",
    );
  } else if (original && bounce.action !== "delayed" && !bounce.permanent) {
    await scheduleSoftBounceResend(tx, { organizationId, messageId: original.id });
  }
}

async function applyEffects(
  tx: Queryable,
  parsed: ParsedInboundEmail,
  match: InboundMatch,
  messageId: string,
  at: Date,
) {
  const organizationId = match.organizationId!;
  const leadId = match.leadId;
  if (parsed.kind === "bounce") return applyBounce(tx, organizationId, parsed, match, at);
  if (!leadId) return;
  if (parsed.kind === "human_reply") {
    await handleLeadReply(tx, {
      organizationId,
      leadId,
      messageId,
      repliedToEmailId: match.emailMessageId,
      channel: "email",
      preview: parsed.newText || parsed.subject,
      at,
    });
  } else if (parsed.kind === "complaint") {
    await unsubscribeLead(
      tx,
      { organizationId, leadId, messageId: match.emailMessageId ?? messageId },
      "complaint",
    );
  } else if (parsed.kind === "auto_reply") {
    const returnDate = parsed.autoReply?.returnDate;
    const postponed = returnDate
      ? await postponeLeadSequences(tx, {
          organizationId,
          leadId,
          until: new Date(`${returnDate}T00:00:00Z`),
        })
      : 0;
    await recordActivity(
      tx,
      { orgId: organizationId, actor: SYSTEM_ACTOR },
      leadId,
      "auto_reply_received",
      { messageId, returnDate: returnDate ?? null, postponedSequences: postponed },
      at,
    );
  }
}

/**
 * Take one inbound email: parse it, find its lead and thread, record it on the conversation
 * (once per delivery: a provider retrying gets "duplicate"), and act on what it is — a human reply
 * stops the lead's sequences, an out-of-office postpones them to the return date, a bounce or a
 * complaint suppresses the address. All of it in one transaction; the classifier hook event goes
 * out with it.
 */
export async function receiveInboundEmail(
  db: Database,
  delivery: InboundEmailDelivery,
): Promise<InboundEmailResult> {
  const parsed = withoutNul(await parseInboundEmail(delivery.raw));
  const key = dedupeKey(delivery, parsed);
  const at = new Date();
  return db.transaction(async (tx) => {
    const match = await matchInboundEmail(tx, {
      parsed,
      raw: delivery.raw,
      organizationId: delivery.organizationId,
    });
    const base = {
      organizationId: match.organizationId,
      leadId: match.leadId,
      matchedBy: match.matchedBy,
      kind: parsed.kind,
    };
    if (!match.organizationId && (await seenWithoutOrganization(tx, key))) {
      return { ...base, status: "duplicate", messageId: null, conversationId: null };
    }
    const recorded = await recordInboundMessage(tx, {
      organizationId: match.organizationId,
      leadId: match.leadId,
      channel: "email",
      author: parsed.kind === "human_reply" || parsed.kind === "auto_reply" ? "lead" : "system",
      matchedBy: match.matchedBy,
      inboundKind: parsed.kind,
      subject: parsed.subject,
      body: parsed.newText,
      fullText: parsed.text,
      html: parsed.html,
      fromAddress: parsed.from?.address ?? null,
      toAddress: parsed.to[0]?.address ?? null,
      externalId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      headers: parsed.headers,
      details: {
        ...(parsed.autoReply ? { autoReply: parsed.autoReply } : {}),
        ...(parsed.bounce ? { bounce: parsed.bounce } : {}),
        ...(parsed.complaint ? { complaint: parsed.complaint } : {}),
        ...(match.emailMessageId ? { inReplyToEmailId: match.emailMessageId } : {}),
        sentAt: parsed.date,
      },
      campaignId: match.campaignId,
      dedupeKey: key,
      occurredAt: at,
    });
    if (!recorded) return { ...base, status: "duplicate", messageId: null, conversationId: null };
    if (match.organizationId) {
      await applyEffects(tx, parsed, match, recorded.id, at);
      await announceInboundMessage(tx, {
        organizationId: match.organizationId,
        conversationId: recorded.conversationId,
        messageId: recorded.id,
        leadId: match.leadId,
        kind: parsed.kind,
      });
    }
    return {
      ...base,
      status: "recorded",
      messageId: recorded.id,
      conversationId: recorded.conversationId,
    };
  });
}
