import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { emailEvents, emailMessages, emailSuppressions, leads, organizations } from "@/db/schema";
import { stopLeadSequences } from "@/lib/campaigns/stop-sequences";
import { type Ctx, SYSTEM_ACTOR } from "@/lib/context";
import { recordActivity } from "@/lib/leads/activity";
import { normalizeEmail, suppressEmail } from "@/lib/suppressions/suppressions";
import { verifyUnsubscribeToken, type TrackingClaims } from "./tracking-tokens";

/** How the opt-out arrived; kept on the timeline entry and the email event. */
/** "reply": the lead asked in a reply (the reply classifier). */
export type UnsubscribeSource = "link" | "one_click" | "complaint" | "reply";

export interface UnsubscribeOutcome {
  organizationName: string;
  email: string | null;
  /** False when this lead had already been unsubscribed (nothing recorded twice). */
  changed: boolean;
}

/** Timeline entries written for a recipient's own action carry the system as actor. */
const asSystem = (orgId: string): Pick<Ctx, "orgId" | "actor"> => ({
  orgId,
  actor: SYSTEM_ACTOR,
});

async function messageOf(db: Queryable, claims: TrackingClaims) {
  const [message] = await db
    .select({
      campaignId: emailMessages.campaignId,
      toAddress: emailMessages.toAddress,
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

async function leadOf(db: Queryable, claims: TrackingClaims) {
  const [lead] = await db
    .select({ id: leads.id, email: leads.email, unsubscribed: leads.unsubscribed })
    .from(leads)
    .where(and(eq(leads.organizationId, claims.organizationId), eq(leads.id, claims.leadId)));
  return lead;
}

export async function organizationName(db: Queryable, organizationId: string) {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return org?.name;
}

/**
 * Opt a lead out of everything the organization sends, in one transaction: the address goes on the
 * suppression list, the lead is flagged unsubscribed, every live sequence stops, and an email
 * event and a timeline entry record it. Idempotent: a second call (the page after the one-click
 * POST, a mail client retrying) changes nothing and records nothing. The claims come from a
 * verified token (or a verified provider webhook), so every row touched is in that organization.
 * Null when the organization, lead and message are all gone.
 */
export async function unsubscribeLead(
  db: Queryable,
  claims: TrackingClaims,
  source: UnsubscribeSource,
): Promise<UnsubscribeOutcome | null> {
  return db.transaction(async (tx) => {
    const orgName = await organizationName(tx, claims.organizationId);
    if (orgName === undefined) return null;
    const [lead, message] = await Promise.all([leadOf(tx, claims), messageOf(tx, claims)]);
    if (!lead && !message) return null;
    const email = lead?.email ?? message?.toAddress ?? null;
    const suppression = email
      ? await suppressEmail(tx, {
          organizationId: claims.organizationId,
          email,
          reason: source === "complaint" ? "complained" : "unsubscribed",
          detail: unsubscribeDetail(source),
          campaignId: message?.campaignId ?? null,
          messageId: message ? claims.messageId : null,
        })
      : undefined;
    // The flag flip is the gate: of two concurrent requests only one sees a row come back.
    const flipped = lead
      ? await tx
          .update(leads)
          .set({ unsubscribed: true, updatedAt: new Date() })
          .where(
            and(
              eq(leads.organizationId, claims.organizationId),
              eq(leads.id, lead.id),
              eq(leads.unsubscribed, false),
            ),
          )
          .returning({ id: leads.id })
      : [];
    const changed = flipped.length > 0 || Boolean(suppression?.created);
    if (lead) {
      await stopLeadSequences(tx, {
        organizationId: claims.organizationId,
        leadId: lead.id,
        state: "unsubscribed",
        reason: source === "complaint" ? "Marked the email as spam" : "Unsubscribed",
      });
    }
    if (changed) {
      // A complaint's event is the webhook's own, recorded with the provider's event id.
      if (message && source !== "complaint") {
        await tx.insert(emailEvents).values({
          organizationId: claims.organizationId,
          messageId: claims.messageId,
          campaignId: message.campaignId,
          leadId: lead?.id ?? null,
          type: "unsubscribed",
          detail: source,
        });
      }
      if (lead) {
        await recordActivity(
          tx,
          asSystem(claims.organizationId),
          lead.id,
          source === "complaint" ? "spam_complaint" : "unsubscribed",
          { source, campaignId: message?.campaignId ?? null, messageId: claims.messageId },
        );
      }
    }
    return { organizationName: orgName, email, changed };
  });
}

/** Whom a genuine token would unsubscribe (for a confirmation page); null for anything else. */
export async function unsubscribeTarget(
  db: Queryable,
  token: string,
): Promise<{ organizationName: string } | null> {
  const claims = verifyUnsubscribeToken(token);
  if (!claims) return null;
  const orgName = await organizationName(db, claims.organizationId);
  if (orgName === undefined) return null;
  const [lead, message] = await Promise.all([leadOf(db, claims), messageOf(db, claims)]);
  return lead || message ? { organizationName: orgName } : null;
}

/** From the landing page or the one-click POST: null for a forged or unknown token. */
export async function unsubscribeByToken(
  db: Database,
  token: string,
  source: Exclude<UnsubscribeSource, "complaint" | "reply">,
): Promise<UnsubscribeOutcome | null> {
  const claims = verifyUnsubscribeToken(token);
  return claims ? unsubscribeLead(db, claims, source) : null;
}

/**
 * "That was a mistake": lifts the suppression only if it exists because of an unsubscribe (never
 * a bounce, a complaint or an admin's manual entry) and clears the lead's flag. Sequences that
 * were stopped stay stopped; a rep can add the lead to a campaign again.
 */
export async function resubscribeByToken(
  db: Database,
  token: string,
): Promise<{ organizationName: string; resubscribed: boolean } | null> {
  const claims = verifyUnsubscribeToken(token);
  if (!claims) return null;
  return db.transaction(async (tx) => {
    const orgName = await organizationName(tx, claims.organizationId);
    if (orgName === undefined) return null;
    const [lead, message] = await Promise.all([leadOf(tx, claims), messageOf(tx, claims)]);
    const email = lead?.email ?? message?.toAddress;
    if (!email) return null;
    const lifted = await liftUnsubscribe(tx, {
      organizationId: claims.organizationId,
      leadId: lead?.id ?? null,
      email,
      activity: { messageId: claims.messageId },
    });
    if (!lifted) return { organizationName: orgName, resubscribed: false };
    return { organizationName: orgName, resubscribed: true };
  });
}

/**
 * Lifts a suppression that exists because of an unsubscribe (never a bounce, a complaint or an
 * admin's entry) — only one from `source` when given — and clears the lead's flag, with a
 * "resubscribed" timeline entry. False when there was no such suppression.
 */
export async function liftUnsubscribe(
  tx: Queryable,
  input: {
    organizationId: string;
    leadId: string | null;
    email: string;
    source?: UnsubscribeSource;
    activity: Record<string, unknown>;
  },
): Promise<boolean> {
  const lifted = await tx
    .delete(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.organizationId, input.organizationId),
        eq(emailSuppressions.email, normalizeEmail(input.email)),
        eq(emailSuppressions.reason, "unsubscribed"),
        input.source ? eq(emailSuppressions.detail, unsubscribeDetail(input.source)) : undefined,
      ),
    )
    .returning({ id: emailSuppressions.id });
  if (lifted.length === 0) return false;
  if (input.leadId) {
    await tx
      .update(leads)
      .set({ unsubscribed: false, updatedAt: new Date() })
      .where(and(eq(leads.organizationId, input.organizationId), eq(leads.id, input.leadId)));
    await recordActivity(
      tx,
      asSystem(input.organizationId),
      input.leadId,
      "resubscribed",
      input.activity,
    );
  }
  return true;
}

/** The suppression's detail for an opt-out from this source. */
const unsubscribeDetail = (source: UnsubscribeSource) =>
  source === "complaint" ? "Marked as spam" : `Unsubscribed (${source})`;
