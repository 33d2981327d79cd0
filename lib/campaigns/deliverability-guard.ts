import { and, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Database, type Queryable } from "@/db/client";
import { campaigns, mailboxes } from "@/db/schema";
import { campaignPaused } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { createNotification, notifyOrganizationAdmins } from "@/lib/notifications/notifications";

/**
 * Protects the sender's reputation: a campaign or mailbox whose recent mail bounces or draws spam
 * complaints too often pauses itself before mailbox providers start rejecting everything from it.
 * Thresholds follow what large providers publish (Google and Yahoo's bulk-sender rules keep spam
 * complaints under 0.3%; ESPs such as Resend and SES review accounts around 4–5% bounces).
 */

/** Below this many sends a single bounce is 2%+: too few to judge a sender by. */
export const MIN_SENDS_FOR_GUARD = 50;
export const MAX_BOUNCE_RATE = 0.05;
export const MAX_COMPLAINT_RATE = 0.003;
export const GUARD_WINDOW_DAYS = 30;

export interface SendingHealth {
  sent: number;
  bounced: number;
  complained: number;
}

export interface GuardResult {
  campaignPaused: boolean;
  mailboxPaused: boolean;
}

const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toString()}%`;

/** Hard bounces and complaints among messages sent in the window, for one campaign or mailbox. */
export async function sendingHealth(
  db: Queryable,
  organizationId: string,
  scope: SQL,
  now = new Date(),
): Promise<SendingHealth> {
  const since = new Date(now.getTime() - GUARD_WINDOW_DAYS * 86_400_000).toISOString();
  const [row] = await queryRows<{ sent: number; bounced: number; complained: number }>(
    db,
    sql`select count(*)::int as sent,
          count(*) filter (where m.bounced_at is not null)::int as bounced,
          count(*) filter (where m.status = 'complained' or exists (
            select 1 from email_events e
             where e.organization_id = m.organization_id and e.message_id = m.id
               and e.type = 'complained'))::int as complained
        from email_messages m
       where m.organization_id = ${organizationId} and ${scope}
         and m.sent_at is not null and m.sent_at >= ${since}::timestamptz`,
  );
  return { sent: row?.sent ?? 0, bounced: row?.bounced ?? 0, complained: row?.complained ?? 0 };
}

/** Why this sender should stop, or null while it is healthy (or has too few sends to tell). */
export function pauseReasonFor(health: SendingHealth): string | null {
  if (health.sent < MIN_SENDS_FOR_GUARD) return null;
  const window = `${health.sent} sent in the last ${GUARD_WINDOW_DAYS} days`;
  const bounceRate = health.bounced / health.sent;
  if (bounceRate > MAX_BOUNCE_RATE) {
    return `Bounce rate ${pct(bounceRate)} over ${pct(MAX_BOUNCE_RATE)} (${health.bounced} of ${window})`;
  }
  const complaintRate = health.complained / health.sent;
  if (complaintRate > MAX_COMPLAINT_RATE) {
    return `Complaint rate ${pct(complaintRate)} over ${pct(MAX_COMPLAINT_RATE)} (${health.complained} of ${window})`;
  }
  return null;
}

async function pauseCampaignIfUnhealthy(tx: Queryable, organizationId: string, id: string) {
  const reason = pauseReasonFor(
    await sendingHealth(tx, organizationId, sql`m.campaign_id = ${id}`),
  );
  if (!reason) return false;
  const now = new Date();
  const [paused] = await tx
    .update(campaigns)
    .set({ status: "paused", pausedAt: now, pausedReason: reason, updatedAt: now })
    .where(
      and(
        eq(campaigns.organizationId, organizationId),
        eq(campaigns.id, id),
        eq(campaigns.status, "active"),
      ),
    )
    .returning({
      name: campaigns.name,
      ownerId: campaigns.ownerId,
      createdBy: campaigns.createdBy,
    });
  if (!paused) return false;
  await enqueueEvent(tx, campaignPaused, { organizationId, campaignId: id }, { organizationId });
  const userId = paused.ownerId ?? paused.createdBy;
  if (userId) {
    await createNotification(tx, {
      organizationId,
      userId,
      type: "campaign_paused",
      title: `Campaign "${paused.name}" was paused`,
      body: `${reason}. Check the list and the content, then resume it.`,
      link: `/campaigns/${id}`,
      data: { campaignId: id, reason },
      dedupeKey: `campaign-paused:${id}:${now.toISOString()}:${userId}`,
    });
  }
  return true;
}

async function pauseMailboxIfUnhealthy(tx: Queryable, organizationId: string, id: string) {
  const reason = pauseReasonFor(await sendingHealth(tx, organizationId, sql`m.mailbox_id = ${id}`));
  if (!reason) return false;
  const now = new Date();
  const [paused] = await tx
    .update(mailboxes)
    .set({ status: "paused", pausedReason: reason, updatedAt: now })
    .where(
      and(
        eq(mailboxes.organizationId, organizationId),
        eq(mailboxes.id, id),
        eq(mailboxes.status, "active"),
      ),
    )
    .returning({ name: mailboxes.name, fromAddress: mailboxes.fromAddress });
  if (!paused) return false;
  // Mailboxes belong to the organization, not a person: its owners and admins look after them.
  await notifyOrganizationAdmins(tx, {
    organizationId,
    type: "mailbox_paused",
    title: `Mailbox ${paused.fromAddress} was paused`,
    body: `${reason}. Nothing more is sent from it until it is resumed in Settings → Email.`,
    link: "/settings/email",
    data: { mailboxId: id, reason },
    dedupeKey: `mailbox-paused:${id}:${now.toISOString()}`,
  });
  return true;
}

/**
 * Run after a hard bounce or a complaint is recorded: pauses the campaign (status paused, the
 * reason, a campaign/paused event that cancels its running sequences) and/or the mailbox, and
 * tells the people responsible. Each in one transaction; a sender already paused stays as it is.
 */
export async function checkDeliverability(
  db: Database,
  input: { organizationId: string; campaignId?: string | null; mailboxId?: string | null },
): Promise<GuardResult> {
  return db.transaction(async (tx) => ({
    campaignPaused: input.campaignId
      ? await pauseCampaignIfUnhealthy(tx, input.organizationId, input.campaignId)
      : false,
    mailboxPaused: input.mailboxId
      ? await pauseMailboxIfUnhealthy(tx, input.organizationId, input.mailboxId)
      : false,
  }));
}
