import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  conversationMessages,
  emailMessages,
  emailSettings,
  leads,
  mailboxes,
  type MATCH_METHODS,
} from "@/db/schema";
import type { ParsedInboundEmail } from "@/lib/inbound/types";
import { emailIdFromReplyToken } from "../reply-token";

export interface InboundMatch {
  organizationId: string | null;
  leadId: string | null;
  matchedBy: (typeof MATCH_METHODS)[number];
  /** Our email the message answers (or, for a bounce, the one that bounced). */
  emailMessageId: string | null;
  campaignId: string | null;
}

const ADDRESS = /[^\s<>,;:"']+@[^\s<>,;:"']+\.[^\s<>,;:"']+/g;
/** Message ids Leadline gives its mail: `<uuid@…>`, or `<uuid.rN@…>` for a soft-bounce resend. */
const OUR_MESSAGE_ID =
  /<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.r\d+)?@/gi;

/** Every address the message was delivered to, as the headers and the envelope tell it. */
function recipientAddresses(parsed: ParsedInboundEmail): string[] {
  const fromHeaders = ["to", "cc", "delivered-to", "x-original-to", "envelope-to"].flatMap(
    (name) => parsed.headers[name]?.match(ADDRESS) ?? [],
  );
  return [
    ...new Set([...parsed.to.map((a) => a.address), ...fromHeaders].map((a) => a.toLowerCase())),
  ];
}

function ourMessageIds(values: string[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    for (const match of value.matchAll(OUR_MESSAGE_ID)) ids.add(match[1]!.toLowerCase());
  }
  return [...ids];
}

/** Within the authenticated organization when one is known; across the installation otherwise. */
const orgIs = (column: AnyPgColumn, orgId: string | null) =>
  orgId ? eq(column, orgId) : undefined;

async function emailsByIds(db: Queryable, ids: string[], orgId: string | null) {
  if (!ids.length) return [];
  return db
    .select({
      id: emailMessages.id,
      organizationId: emailMessages.organizationId,
      leadId: emailMessages.leadId,
      campaignId: emailMessages.campaignId,
    })
    .from(emailMessages)
    .where(
      and(
        inArray(emailMessages.id, ids),
        orgIs(emailMessages.organizationId, orgId),
        isNotNull(emailMessages.organizationId),
      ),
    )
    .orderBy(desc(emailMessages.createdAt));
}

function fromEmail(
  row: {
    id: string;
    organizationId: string | null;
    leadId: string | null;
    campaignId: string | null;
  },
  matchedBy: InboundMatch["matchedBy"],
): InboundMatch {
  return {
    organizationId: row.organizationId,
    leadId: row.leadId,
    matchedBy: row.leadId ? matchedBy : "none",
    emailMessageId: row.id,
    campaignId: row.campaignId,
  };
}

/** 1. A signed reply token in a recipient address names the very email answered. */
async function byToken(db: Queryable, parsed: ParsedInboundEmail, orgId: string | null) {
  const ids = recipientAddresses(parsed)
    .map(emailIdFromReplyToken)
    .filter((id): id is string => id !== null);
  const [row] = await emailsByIds(db, ids, orgId);
  return row?.leadId ? fromEmail(row, "token") : null;
}

/**
 * 2. The thread: In-Reply-To and References name our message ids, or a message already in a
 * conversation (the lead's earlier mail). A bounce or complaint carries the original's headers
 * in its body, so for those the whole raw message is searched for our ids.
 */
async function byThread(
  db: Queryable,
  parsed: ParsedInboundEmail,
  orgId: string | null,
  raw: string,
): Promise<InboundMatch | null> {
  const threadIds = [parsed.inReplyTo, ...[...parsed.references].reverse()].filter(
    (id): id is string => !!id,
  );
  const automated = parsed.kind === "bounce" || parsed.kind === "complaint";
  const ours = ourMessageIds(automated ? [...threadIds, raw] : threadIds);
  const [email] = (await emailsByIds(db, ours, orgId)).filter((r) => r.leadId);
  if (email) return fromEmail(email, "thread");
  if (!threadIds.length) return null;
  const [known] = await db
    .select({
      organizationId: conversationMessages.organizationId,
      leadId: conversationMessages.leadId,
      campaignId: conversationMessages.campaignId,
      emailMessageId: conversationMessages.emailMessageId,
    })
    .from(conversationMessages)
    .where(
      and(
        inArray(conversationMessages.externalId, threadIds),
        orgIs(conversationMessages.organizationId, orgId),
        isNotNull(conversationMessages.leadId),
      ),
    )
    .orderBy(desc(conversationMessages.occurredAt))
    .limit(1);
  return known
    ? {
        organizationId: known.organizationId,
        leadId: known.leadId,
        matchedBy: "thread",
        emailMessageId: known.emailMessageId,
        campaignId: known.campaignId,
      }
    : null;
}

/** Organizations one of whose mailboxes (or inbound address) the message was sent to. */
async function orgsByRecipient(db: Queryable, parsed: ParsedInboundEmail): Promise<string[]> {
  const addresses = recipientAddresses(parsed).map((a) => a.replace(/\+[^@]*@/, "@"));
  if (!addresses.length) return [];
  const [viaMailbox, viaInbound] = await Promise.all([
    db
      .selectDistinct({ id: mailboxes.organizationId })
      .from(mailboxes)
      .where(or(inArray(mailboxes.fromAddress, addresses), inArray(mailboxes.replyTo, addresses))),
    db
      .selectDistinct({ id: emailSettings.organizationId })
      .from(emailSettings)
      .where(inArray(sql`lower(${emailSettings.inboundAddress})`, addresses)),
  ]);
  return [...new Set([...viaMailbox, ...viaInbound].map((r) => r.id))];
}

/** 3. The sender's address (for a bounce: the address that bounced) is a lead's. */
async function bySender(
  db: Queryable,
  address: string | undefined,
  orgId: string | null,
): Promise<InboundMatch | null> {
  if (!address) return null;
  const found = await db
    .select({ id: leads.id, organizationId: leads.organizationId })
    .from(leads)
    .where(
      and(
        eq(leads.email, address.toLowerCase()),
        isNull(leads.deletedAt),
        orgIs(leads.organizationId, orgId),
      ),
    )
    .orderBy(desc(leads.lastContactedAt))
    .limit(2);
  // Without a known organization, a sender is only trusted when one organization has them.
  if (!found.length || (!orgId && found.length > 1)) return null;
  return {
    organizationId: found[0]!.organizationId,
    leadId: found[0]!.id,
    matchedBy: "sender",
    emailMessageId: null,
    campaignId: null,
  };
}

/**
 * Find the lead and thread an inbound email belongs to: by reply token, then by thread ids, then
 * by sender address. The organization is the authenticated one when the webhook secret named it;
 * otherwise what matched decides, or the mailbox the mail was addressed to. Unmatched mail keeps
 * whatever organization is known (its unmatched inbox) — or none.
 */
export async function matchInboundEmail(
  db: Queryable,
  input: { parsed: ParsedInboundEmail; raw: string; organizationId: string | null },
): Promise<InboundMatch> {
  const { parsed, raw } = input;
  let orgId = input.organizationId;
  const direct = (await byToken(db, parsed, orgId)) ?? (await byThread(db, parsed, orgId, raw));
  if (direct?.leadId) return direct;
  if (!orgId) {
    const candidates = await orgsByRecipient(db, parsed);
    if (candidates.length === 1) orgId = candidates[0]!;
  }
  const automated = parsed.kind === "bounce" || parsed.kind === "complaint";
  const sender = automated ? parsed.bounce?.recipient : parsed.from?.address;
  const viaSender = await bySender(db, sender, orgId);
  if (viaSender) return viaSender;
  return {
    organizationId: orgId,
    leadId: null,
    matchedBy: "none",
    emailMessageId: direct?.emailMessageId ?? null,
    campaignId: direct?.campaignId ?? null,
  };
}
