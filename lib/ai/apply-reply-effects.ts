import { and, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { aiSettings, leadEvents, leads, type ReplyEffect } from "@/db/schema";
import { postponeLeadSequences } from "@/lib/campaigns/postpone-sequences";
import { SYSTEM_ACTOR, systemCtx, type Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordActivity } from "@/lib/leads/activity";
import { createLead } from "@/lib/leads/create-lead";
import { addNote } from "@/lib/leads/notes";
import { rescoreLead } from "@/lib/leads/scoring/rescore-lead";
import { updateLead } from "@/lib/leads/update-lead";
import { createNotification } from "@/lib/notifications/notifications";
import { unsubscribeLead } from "@/lib/tracking/unsubscribe-lead";
import type { ReplyCategory, ReplyClassification } from "./reply-classification";

/** An organization's settings for classified replies (defaults when it never saved any). */
export interface ReplySettings {
  reviewThreshold: number;
  replyEffects: Record<string, ReplyEffect>;
  createReferralLeads: boolean;
}

export async function replySettings(db: Queryable, organizationId: string): Promise<ReplySettings> {
  const [row] = await db
    .select({
      reviewThreshold: aiSettings.reviewThreshold,
      replyEffects: aiSettings.replyEffects,
      createReferralLeads: aiSettings.createReferralLeads,
    })
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId))
    .limit(1);
  return row ?? { reviewThreshold: 0.6, replyEffects: {}, createReferralLeads: false };
}

/** A positive reply is worth a rep's attention whatever the settings say. */
const ALWAYS_NOTIFY: ReadonlySet<ReplyCategory> = new Set(["interested", "meeting_request"]);

const CATEGORY_LABEL: Record<ReplyCategory, string> = {
  interested: "is interested",
  meeting_request: "asked for a meeting",
  question: "asked a question",
  not_interested: "is not interested",
  unsubscribe: "asked to unsubscribe",
  out_of_office: "is out of office",
  wrong_person: "is the wrong person",
  bounce: "bounced",
  auto_reply: "sent an automatic reply",
  other: "replied",
};

/** The lead event scoring rules can target per category (`reply_interested`, …). */
export const replyEventType = (category: ReplyCategory) => `reply_${category}`;

export interface ReplyEffectsInput {
  organizationId: string;
  leadId: string;
  messageId: string;
  classification: ReplyClassification;
  /** The person who corrected the category (null: the classifier decided). */
  correctedBy?: string | null;
  at?: Date;
}

export interface AppliedEffects {
  /** False when this category's effects had already been applied for this message. */
  applied: boolean;
  effects: string[];
}

/**
 * What a classified reply does to its lead, in the caller's transaction. Runs once per message and
 * category (the `reply_<category>` lead event is the marker), so a retried job or a repeated
 * correction changes nothing twice; a correction to another category applies that one's effects.
 * The reply's own consequences (sequences stopped on reply, the "replied" notification) are
 * handleLeadReply's, not repeated here.
 */
export async function applyReplyEffects(
  tx: Queryable,
  input: ReplyEffectsInput,
  settings: ReplySettings,
): Promise<AppliedEffects> {
  const { organizationId, leadId, messageId, classification } = input;
  const category = classification.category;
  const at = input.at ?? new Date();
  const [lead] = await tx
    .select({
      id: leads.id,
      name: leads.displayName,
      ownerId: leads.ownerId,
      company: leads.company,
      status: leads.status,
      temperature: leads.temperature,
    })
    .from(leads)
    .where(and(eq(leads.organizationId, organizationId), eq(leads.id, leadId)))
    .limit(1);
  if (!lead) return { applied: false, effects: [] };
  const eventType = replyEventType(category);
  const [done] = await tx
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.organizationId, organizationId),
        eq(leadEvents.leadId, leadId),
        eq(leadEvents.type, eventType),
        sql`${leadEvents.metadata}->>'messageId' = ${messageId}`,
      ),
    )
    .limit(1);
  if (done) return { applied: false, effects: [] };

  // Background work acts as the system; Queryable is the caller's transaction.
  const ctx: Ctx = systemCtx(tx as Database, organizationId);
  const effects: string[] = [];
  const configured = settings.replyEffects[category] ?? {};

  if (category === "unsubscribe") {
    await unsubscribeLead(tx, { organizationId, leadId, messageId }, "reply");
    effects.push("unsubscribed");
  }
  if (category === "out_of_office" && classification.returnDate) {
    const until = new Date(`${classification.returnDate}T00:00:00Z`);
    const postponed = await postponeLeadSequences(tx, { organizationId, leadId, until });
    effects.push(`postponed:${postponed}`);
  }
  if (category === "wrong_person" && classification.referral && settings.createReferralLeads) {
    const referred = await createReferralLead(ctx, lead, classification.referral);
    if (referred) effects.push(`referral_lead:${referred}`);
  }

  await tx.insert(leadEvents).values({
    organizationId,
    leadId,
    type: eventType,
    value: category,
    metadata: { messageId, confidence: classification.confidence, mode: classification.mode },
    occurredAt: at,
  });
  await rescoreLead(tx, ctx, leadId, `reply classified as ${category}`);

  if (configured.status && configured.status !== lead.status) {
    try {
      await updateLead(ctx, leadId, { status: configured.status });
      effects.push(`status:${configured.status}`);
    } catch (error) {
      // A status removed from the organization's options since the setting was saved.
      if (!(error instanceof AppError)) throw error;
      log.warn("reply effect: status not applied", { organizationId, leadId, error });
    }
  }
  if (configured.temperature) {
    // Kept as an override: later rescoring (new events, decay) would otherwise derive it again.
    await tx
      .update(leads)
      .set({ temperature: configured.temperature, temperatureOverride: configured.temperature })
      .where(and(eq(leads.organizationId, organizationId), eq(leads.id, leadId)));
    effects.push(`temperature:${configured.temperature}`);
  }

  if (lead.ownerId && (ALWAYS_NOTIFY.has(category) || configured.notifyOwner)) {
    await createNotification(tx, {
      organizationId,
      userId: lead.ownerId,
      type: "reply_classified",
      title: `${lead.name} ${CATEGORY_LABEL[category]}`,
      body: classification.rationale.slice(0, 200),
      link: `/conversations?lead=${leadId}`,
      data: { leadId, messageId, category },
      dedupeKey: `reply-classified:${messageId}:${category}`,
    });
    effects.push("owner_notified");
  }

  await recordActivity(
    tx,
    { orgId: organizationId, actor: SYSTEM_ACTOR },
    leadId,
    "reply_classified",
    {
      messageId,
      category,
      confidence: classification.confidence,
      mode: classification.mode,
      rationale: classification.rationale,
      correctedBy: input.correctedBy ?? null,
      effects,
    },
    at,
  );
  return { applied: true, effects };
}

/** The contact a "wrong person" reply points to, as a new lead; null when it can't be created. */
async function createReferralLead(
  ctx: Ctx,
  referrer: { id: string; name: string; company: string | null },
  referral: NonNullable<ReplyClassification["referral"]>,
): Promise<string | null> {
  if (!referral.email && !referral.name) return null;
  const [firstName, ...rest] = (referral.name ?? "").trim().split(/\s+/);
  try {
    const lead = await createLead(
      { ...ctx },
      {
        firstName: firstName || null,
        lastName: rest.join(" ") || null,
        email: referral.email,
        jobTitle: referral.title,
        company: referrer.company,
        ownerId: null,
      },
      { defaultSource: "referral" },
    );
    await addNote(ctx, lead.id, {
      body: `Referred by ${referrer.name} (lead ${referrer.id}) in a reply.`,
    });
    return lead.id;
  } catch (error) {
    // Already a lead (duplicate email) or not a valid contact: the reply still counts.
    if (!(error instanceof AppError)) throw error;
    log.info("referral lead not created", { organizationId: ctx.orgId, error: error.message });
    return null;
  }
}
