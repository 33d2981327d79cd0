import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { emailEvents, emailMessages, leadEvents, leads } from "@/db/schema";
import { rescoreLead } from "@/lib/leads/scoring/rescore-lead";
import { getScoringConfig } from "@/lib/leads/scoring/scoring-config";
import { isMachineEngagement } from "./bot-detection";
import { SYSTEM_ACTOR } from "@/lib/context";
import {
  verifyClickToken,
  verifyOpenToken,
  type ClickClaims,
  type TrackingClaims,
} from "./tracking-tokens";

/**
 * Opens (pixel loads) and clicks (redirects) from a signed token. Every hit is an email event;
 * only a human one (see bot-detection.ts) sets the message's first open/click and becomes a lead
 * event that scoring counts — once per message for opens and once per link for clicks, so reading
 * a message five times doesn't make a lead five times hotter. Every query is scoped by the token's
 * organization, so a token can only ever touch its own organization's rows.
 */

export interface EngagementRequest {
  userAgent: string | null;
  at?: Date;
}

const MAX_USER_AGENT = 500;

async function messageFor(db: Queryable, claims: TrackingClaims) {
  const [message] = await db
    .select({
      id: emailMessages.id,
      campaignId: emailMessages.campaignId,
      sentAt: emailMessages.sentAt,
    })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, claims.organizationId),
        eq(emailMessages.id, claims.messageId),
      ),
    );
  return message;
}

/** A lead event (email_opened / email_clicked) and a re-score when a scoring rule counts it. */
async function recordLeadEvent(
  db: Queryable,
  claims: TrackingClaims,
  type: "email_opened" | "email_clicked",
  at: Date,
  value: string | null,
  metadata: Record<string, unknown>,
) {
  const [lead] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.organizationId, claims.organizationId),
        eq(leads.id, claims.leadId),
        isNull(leads.deletedAt),
      ),
    );
  if (!lead) return;
  await db.insert(leadEvents).values({
    organizationId: claims.organizationId,
    leadId: lead.id,
    type,
    value,
    metadata,
    occurredAt: at,
  });
  const scoring = await getScoringConfig(db, claims.organizationId);
  if (scoring.rules.some((r) => r.kind === "event" && r.target === type)) {
    await rescoreLead(
      db,
      { orgId: claims.organizationId, actor: SYSTEM_ACTOR },
      lead.id,
      `event: ${type}`,
      scoring,
    );
  }
}

/** The pixel was loaded. Returns whether it counted as a human open (false for anything else). */
export async function recordOpen(
  db: Database,
  token: string,
  request: EngagementRequest,
): Promise<{ recorded: boolean; human: boolean }> {
  const claims = verifyOpenToken(token);
  if (!claims) return { recorded: false, human: false };
  const at = request.at ?? new Date();
  return db.transaction(async (tx) => {
    const message = await messageFor(tx, claims);
    if (!message) return { recorded: false, human: false };
    const isBot = isMachineEngagement({ userAgent: request.userAgent, sentAt: message.sentAt, at });
    await tx.insert(emailEvents).values({
      organizationId: claims.organizationId,
      messageId: message.id,
      campaignId: message.campaignId,
      leadId: claims.leadId,
      type: "opened",
      isBot,
      userAgent: request.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      occurredAt: at,
    });
    if (isBot) return { recorded: true, human: false };
    const first = await tx
      .update(emailMessages)
      .set({ openedAt: at })
      .where(
        and(
          eq(emailMessages.organizationId, claims.organizationId),
          eq(emailMessages.id, message.id),
          isNull(emailMessages.openedAt),
        ),
      )
      .returning({ id: emailMessages.id });
    if (first.length > 0) {
      await recordLeadEvent(tx, claims, "email_opened", at, null, {
        messageId: message.id,
        campaignId: message.campaignId,
      });
    }
    return { recorded: true, human: true };
  });
}

/**
 * A tracked link was followed. Returns where to send the browser (the signed URL), or null for a
 * token that isn't ours — the caller answers 404 rather than redirecting anywhere. A click on a
 * message that no longer exists still redirects: the link in the recipient's mailbox keeps working.
 */
export async function recordClick(
  db: Database,
  token: string,
  request: EngagementRequest,
): Promise<{ url: string; human: boolean } | null> {
  const claims: ClickClaims | null = verifyClickToken(token);
  if (!claims) return null;
  const at = request.at ?? new Date();
  return db.transaction(async (tx) => {
    const message = await messageFor(tx, claims);
    if (!message) return { url: claims.url, human: false };
    const isBot = isMachineEngagement({ userAgent: request.userAgent, sentAt: message.sentAt, at });
    // Before inserting this one: has a person followed this same link of this message already?
    const [earlier] = isBot
      ? [undefined]
      : await tx
          .select({ id: emailEvents.id })
          .from(emailEvents)
          .where(
            and(
              eq(emailEvents.organizationId, claims.organizationId),
              eq(emailEvents.messageId, message.id),
              eq(emailEvents.type, "clicked"),
              eq(emailEvents.isBot, false),
              eq(emailEvents.detail, claims.url),
            ),
          )
          .limit(1);
    await tx.insert(emailEvents).values({
      organizationId: claims.organizationId,
      messageId: message.id,
      campaignId: message.campaignId,
      leadId: claims.leadId,
      type: "clicked",
      detail: claims.url,
      isBot,
      userAgent: request.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      occurredAt: at,
    });
    if (isBot) return { url: claims.url, human: false };
    // A click implies an open even when images were blocked.
    await tx
      .update(emailMessages)
      .set({
        clickedAt: sql`coalesce(${emailMessages.clickedAt}, ${at.toISOString()}::timestamptz)`,
        openedAt: sql`coalesce(${emailMessages.openedAt}, ${at.toISOString()}::timestamptz)`,
      })
      .where(
        and(
          eq(emailMessages.organizationId, claims.organizationId),
          eq(emailMessages.id, message.id),
        ),
      );
    if (!earlier) {
      await recordLeadEvent(tx, claims, "email_clicked", at, claims.url.slice(0, 2000), {
        messageId: message.id,
        campaignId: message.campaignId,
      });
    }
    return { url: claims.url, human: true };
  });
}
