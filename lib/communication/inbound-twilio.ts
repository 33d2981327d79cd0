import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import twilio from "twilio";
import type { Database } from "@/db/client";
import { communicationPreferences, communicationProviders, leads } from "@/db/schema";
import { announceInboundMessage } from "@/lib/conversations/announce-inbound";
import { handleLeadReply } from "@/lib/conversations/lead-replied";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";

const digits = (value: string) => value.replace(/^whatsapp:/, "").replace(/\D/g, "");
const digitsOf = (column: unknown) => sql`regexp_replace(${column}, '\\D', '', 'g')`;

/**
 * The organization a Twilio request is for: those whose configured SMS or WhatsApp number is the
 * `To`, narrowed to the one whose auth token signed the request (a number moved between accounts
 * can match more than one organization; only the signer's counts). Null: nobody signed it.
 */
async function signingOrganization(
  db: Database,
  request: { url: string; signature: string; params: Record<string, string> },
): Promise<string | null> {
  const to = digits(request.params.To ?? "");
  if (!to || !request.signature) return null;
  const candidates = await db
    .select({
      organizationId: communicationProviders.organizationId,
      secretSealed: communicationProviders.secretSealed,
    })
    .from(communicationProviders)
    .where(
      and(
        eq(communicationProviders.provider, "twilio"),
        or(
          sql`${digitsOf(sql`${communicationProviders.config}->>'smsNumber'`)} = ${to}`,
          sql`${digitsOf(sql`${communicationProviders.config}->>'whatsappNumber'`)} = ${to}`,
        ),
      ),
    )
    .limit(20);
  for (const candidate of candidates) {
    if (!candidate.secretSealed) continue;
    let token: string;
    try {
      token = decryptSecret(candidate.secretSealed);
    } catch {
      continue;
    }
    if (twilio.validateRequest(token, request.signature, request.url, request.params)) {
      return candidate.organizationId;
    }
  }
  return null;
}

/** The lead who wrote: by phone number, or by the WhatsApp number on their preferences. */
async function leadBySender(db: Database, organizationId: string, from: string) {
  const sender = digits(from);
  if (sender.length < 5) return null;
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .leftJoin(
      communicationPreferences,
      and(
        eq(communicationPreferences.organizationId, leads.organizationId),
        eq(communicationPreferences.leadId, leads.id),
      ),
    )
    .where(
      and(
        eq(leads.organizationId, organizationId),
        isNull(leads.deletedAt),
        or(
          sql`${digitsOf(leads.phone)} = ${sender}`,
          sql`${digitsOf(communicationPreferences.whatsappNumber)} = ${sender}`,
        ),
      ),
    )
    .orderBy(desc(leads.updatedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * An SMS or WhatsApp message Twilio delivered to one of an organization's numbers: verified
 * against the signature, put on the sender's conversation (or kept unmatched), recorded once per
 * MessageSid however often Twilio retries, and a lead's reply stops their sequences.
 */
export async function receiveTwilioMessage(
  db: Database,
  request: { url: string; signature: string; params: Record<string, string> },
): Promise<{ recorded: boolean; leadId: string | null }> {
  const organizationId = await signingOrganization(db, request);
  if (!organizationId) throw new AppError("forbidden", "The Twilio signature doesn't verify.");
  const { params } = request;
  const sid = params.MessageSid ?? params.SmsSid;
  if (!sid) throw new AppError("bad_request", "Not a Twilio message (no MessageSid).");
  const from = params.From ?? "";
  const channel = from.startsWith("whatsapp:") ? "whatsapp" : "sms";
  const leadId = await leadBySender(db, organizationId, from);
  const body = params.Body ?? "";
  const numMedia = Number(params.NumMedia ?? 0) || 0;
  const media = Array.from({ length: Math.min(numMedia, 10) }, (_, i) => params[`MediaUrl${i}`]);
  return db.transaction(async (tx) => {
    const recorded = await recordInboundMessage(tx, {
      organizationId,
      leadId,
      channel,
      matchedBy: leadId ? "sender" : "none",
      inboundKind: "human_reply",
      body,
      fromAddress: from,
      toAddress: params.To ?? null,
      externalId: sid,
      details: numMedia ? { media: media.filter(Boolean) } : {},
      dedupeKey: `twilio:${sid}`,
    });
    if (recorded && leadId) {
      await handleLeadReply(tx, {
        organizationId,
        leadId,
        messageId: recorded.id,
        channel,
        preview: body,
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
