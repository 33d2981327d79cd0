import { and, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { emailEvents, emailMessages } from "@/db/schema";
import { checkDeliverability } from "@/lib/campaigns/deliverability-guard";
import { scheduleSoftBounceResend } from "@/lib/email/resend-soft-bounced";
import { log } from "@/lib/log";
import { suppressEmail } from "@/lib/suppressions/suppressions";
import { bounceKind, eventTime, taggedMessageId, type ResendWebhook } from "./resend-webhook";
import { unsubscribeLead } from "./unsubscribe-lead";
import { recordHardBounce } from "./record-hard-bounce";

/**
 * What a verified provider event does to our records. Each delivery is applied once: the email
 * event is inserted first with the provider's event id (svix-id), and a second delivery of the
 * same id finds it there and changes nothing. Every write is scoped by the message's organization.
 */

export type DeliveryOutcome = "recorded" | "duplicate" | "ignored";

const HANDLED = ["email.delivered", "email.bounced", "email.complained"] as const;
type HandledType = (typeof HANDLED)[number];

type Message = Pick<
  typeof emailMessages.$inferSelect,
  "id" | "organizationId" | "campaignId" | "mailboxId" | "leadId" | "toAddress" | "status"
>;

const messageColumns = {
  id: emailMessages.id,
  organizationId: emailMessages.organizationId,
  campaignId: emailMessages.campaignId,
  mailboxId: emailMessages.mailboxId,
  leadId: emailMessages.leadId,
  toAddress: emailMessages.toAddress,
  status: emailMessages.status,
};

/** By our tag when the sender set one (primary key), else by the provider's id. */
async function findMessage(db: Queryable, event: ResendWebhook): Promise<Message | undefined> {
  const providerId = event.data.email_id;
  if (!providerId) return undefined;
  const tagged = taggedMessageId(event);
  const [message] = await db
    .select(messageColumns)
    .from(emailMessages)
    .where(
      and(
        tagged ? eq(emailMessages.id, tagged) : undefined,
        eq(emailMessages.providerMessageId, providerId),
      ),
    )
    .limit(1);
  return message;
}

const orgMessage = (m: Message & { organizationId: string }) =>
  and(eq(emailMessages.organizationId, m.organizationId), eq(emailMessages.id, m.id));

async function applyComplaint(tx: Queryable, m: Message & { organizationId: string }) {
  await tx.update(emailMessages).set({ status: "complained" }).where(orgMessage(m));
  if (m.leadId) {
    // Suppression (complained), the lead unsubscribed, every sequence stopped, on the timeline.
    await unsubscribeLead(
      tx,
      { organizationId: m.organizationId, leadId: m.leadId, messageId: m.id },
      "complaint",
    );
  } else {
    await suppressEmail(tx, {
      organizationId: m.organizationId,
      email: m.toAddress,
      reason: "complained",
      detail: "Marked as spam",
      messageId: m.id,
    });
  }
}

function describeBounce(event: ResendWebhook): string {
  const b = event.data.bounce ?? {};
  const parts = [bounceKind(event), b.subType, b.message].filter(Boolean);
  return parts.join(": ").slice(0, 1000);
}

/**
 * Apply one verified Resend event. A message we don't know (another installation's, or mail sent
 * outside Leadline) is ignored. A soft bounce leaves the message and the sequence as they are,
 * and Leadline sends campaign and manual mail again itself a few hours later (at most twice, see
 * lib/email/resend-soft-bounced). After a hard bounce or a complaint the deliverability guard
 * looks at the campaign and mailbox; its failure never undoes what was recorded.
 */
export async function applyResendEvent(
  db: Database,
  deliveryId: string,
  event: ResendWebhook,
): Promise<DeliveryOutcome> {
  if (!(HANDLED as readonly string[]).includes(event.type)) return "ignored";
  const type = event.type as HandledType;
  const at = eventTime(event);
  const result = await db.transaction(async (tx) => {
    const found = await findMessage(tx, event);
    if (!found?.organizationId) return "ignored" as const;
    const m = found as Message & { organizationId: string };
    const kind = type === "email.bounced" ? bounceKind(event) : undefined;
    const inserted = await tx
      .insert(emailEvents)
      .values({
        organizationId: m.organizationId,
        messageId: m.id,
        campaignId: m.campaignId,
        leadId: m.leadId,
        type:
          type === "email.delivered"
            ? "delivered"
            : type === "email.bounced"
              ? "bounced"
              : "complained",
        detail: type === "email.bounced" ? describeBounce(event) : null,
        providerEventId: deliveryId,
        occurredAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: emailEvents.id });
    if (inserted.length === 0) return "duplicate" as const;
    if (type === "email.delivered") {
      await tx
        .update(emailMessages)
        .set({
          deliveredAt: sql`coalesce(${emailMessages.deliveredAt}, ${at.toISOString()}::timestamptz)`,
          // A late "delivered" never overrides a bounce or complaint already recorded.
          status: sql`case when ${emailMessages.status} = 'sent' then 'delivered' else ${emailMessages.status} end`,
        })
        .where(orgMessage(m));
    } else if (type === "email.bounced" && kind === "hard") {
      await recordHardBounce(tx, m, at, describeBounce(event));
    } else if (type === "email.bounced") {
      await scheduleSoftBounceResend(tx, { organizationId: m.organizationId, messageId: m.id });
    } else if (type === "email.complained") {
      await applyComplaint(tx, m);
    }
    const guard = type === "email.complained" || kind === "hard";
    return { message: m, guard };
  });
  if (typeof result === "string") return result;
  if (result.guard) {
    try {
      await checkDeliverability(db, {
        organizationId: result.message.organizationId,
        campaignId: result.message.campaignId,
        mailboxId: result.message.mailboxId,
      });
    } catch (error) {
      log.error("deliverability check failed", { error, messageId: result.message.id });
    }
  }
  return "recorded";
}
