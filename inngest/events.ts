import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event Leadline emits, with the zod schema that validates its payload where it is
 * recorded (the outbox) and where it is consumed (Inngest functions). Names are
 * `<domain>/<what happened>`.
 */
export const organizationCreated = eventType("organization/created", {
  schema: z.object({
    organizationId: z.uuid(),
    name: z.string(),
    ownerUserId: z.uuid(),
  }),
});

export const emailQueued = eventType("email/queued", {
  schema: z.object({
    emailMessageId: z.uuid(),
    organizationId: z.uuid().nullable(),
    /** Concurrency keys: a mailbox's sends and a provider's sends are limited across organizations. */
    mailboxId: z.uuid().nullable().optional(),
    transport: z.string().optional(),
  }),
});

/** Queued messages claimed together for one provider batch request (see lib/email/deliver-batch). */
export const emailBatchReady = eventType("email/batch.ready", {
  schema: z.object({
    organizationId: z.uuid().nullable(),
    transport: z.string(),
    messageIds: z.array(z.uuid()).min(1).max(100),
  }),
});

/**
 * A campaign or manual message bounced softly (mailbox full, server busy): Leadline sends it
 * again itself later, `attempt` numbering the resend (see lib/email/resend-soft-bounced).
 */
export const emailSoftBounced = eventType("email/soft-bounced", {
  schema: z.object({
    organizationId: z.uuid(),
    messageId: z.uuid(),
    attempt: z.number().int().min(1),
  }),
});

export const passwordResetRequested = eventType("auth/password-reset.requested", {
  schema: z.object({ email: z.string(), ip: z.string().nullable() }),
});

export const leadCreated = eventType("lead/created", {
  schema: z.object({ organizationId: z.uuid(), leadId: z.uuid() }),
});

export const leadStatusChanged = eventType("lead/status.changed", {
  schema: z.object({
    organizationId: z.uuid(),
    leadId: z.uuid(),
    from: z.string().nullable(),
    to: z.string(),
  }),
});

export const reminderScheduled = eventType("reminder/scheduled", {
  schema: z.object({ organizationId: z.uuid(), reminderId: z.uuid(), dueAt: z.iso.datetime() }),
});

export const reminderChanged = eventType("reminder/changed", {
  schema: z.object({ organizationId: z.uuid(), reminderId: z.uuid() }),
});

export const importQueued = eventType("import/queued", {
  schema: z.object({ organizationId: z.uuid(), importId: z.uuid() }),
});

export const scoringRulesChanged = eventType("scoring/rules.changed", {
  schema: z.object({ organizationId: z.uuid() }),
});

const campaignRef = { organizationId: z.uuid(), campaignId: z.uuid() };

/**
 * A campaign went live (launch, scheduled start, recipients added while active, or resume): start
 * the sequences of its queued recipients — and with `resume`, restart its active ones too.
 */
export const campaignStarted = eventType("campaign/started", {
  schema: z.object({ ...campaignRef, resume: z.boolean().optional() }),
});

/** POST /campaigns/{id}/send: send each live recipient's next step now (all, or these leads). */
export const campaignSendNow = eventType("campaign/send-now", {
  schema: z.object({ ...campaignRef, leadIds: z.array(z.uuid()).optional() }),
});

/** Pause and stop cancel every running sequence of the campaign. */
export const campaignPaused = eventType("campaign/paused", { schema: z.object(campaignRef) });
export const campaignStopped = eventType("campaign/stopped", { schema: z.object(campaignRef) });

/** Start (or restart, after a resume) one recipient's sequence at its next step. */
export const recipientSequenceStarted = eventType("campaign/recipient.started", {
  schema: z.object({
    ...campaignRef,
    recipientId: z.uuid(),
    leadId: z.uuid(),
    generation: z.number().int(),
    /** Skip the delay and send window for the next step only (caps and suppressions still hold). */
    sendNow: z.boolean().optional(),
  }),
});

/** One recipient's sequence must end now (removed, unsubscribed, bounced, status won/lost…). */
export const recipientSequenceStopped = eventType("campaign/recipient.stopped", {
  schema: z.object({ ...campaignRef, recipientId: z.uuid(), leadId: z.uuid() }),
});

/** The lead answered (issue: conversations). Running sequences waiting on it stop. */
export const leadReplied = eventType("lead/replied", {
  schema: z.object({
    organizationId: z.uuid(),
    leadId: z.uuid(),
    messageId: z.uuid().nullable().optional(),
  }),
});

/**
 * A message from a lead was recorded on their conversation (any channel, any kind). The hook the
 * AI classifier listens to; nothing in the reply path waits for it.
 */
export const conversationMessageReceived = eventType("conversation/message.received", {
  schema: z.object({
    organizationId: z.uuid(),
    conversationId: z.uuid().nullable(),
    messageId: z.uuid(),
    leadId: z.uuid().nullable(),
    kind: z.string().nullable(),
  }),
});

/**
 * A lead's reply has a verdict that may act: classified with enough confidence (its effects
 * applied), or confirmed/corrected by a person. Low-confidence verdicts waiting for review are
 * never announced. The auto-responder listens to it.
 */
export const replyClassified = eventType("ai/reply.classified", {
  schema: z.object({
    organizationId: z.uuid(),
    messageId: z.uuid(),
    leadId: z.uuid(),
    category: z.string(),
    state: z.enum(["applied", "corrected"]),
  }),
});

/** POST /communication/send-bulk: send the bulk send's pending leads, one by one. */
export const communicationBulkSendStarted = eventType("communication/bulk-send.started", {
  schema: z.object({ organizationId: z.uuid(), bulkSendId: z.uuid() }),
});

/** A message is held for approval (lib/approvals): its deadline is watched from here. */
export const approvalRequested = eventType("approval/requested", {
  schema: z.object({
    organizationId: z.uuid(),
    approvalId: z.uuid(),
    kind: z.enum(["campaign_step", "reply"]),
    dueAt: z.string(),
  }),
});

/** A held message was approved or rejected (final decisions only; sequences wait on this). */
export const approvalDecided = eventType("approval/decided", {
  schema: z.object({
    organizationId: z.uuid(),
    approvalId: z.uuid(),
    kind: z.enum(["campaign_step", "reply"]),
    status: z.enum(["approved", "rejected"]),
  }),
});

export const allEvents = [
  approvalRequested,
  approvalDecided,
  conversationMessageReceived,
  campaignStarted,
  campaignSendNow,
  campaignPaused,
  campaignStopped,
  recipientSequenceStarted,
  recipientSequenceStopped,
  leadReplied,
  scoringRulesChanged,
  organizationCreated,
  emailQueued,
  emailBatchReady,
  emailSoftBounced,
  passwordResetRequested,
  leadCreated,
  leadStatusChanged,
  reminderScheduled,
  reminderChanged,
  importQueued,
  communicationBulkSendStarted,
  replyClassified,
] as const;
export type AppEventType = (typeof allEvents)[number];
