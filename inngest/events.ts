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
  schema: z.object({ emailMessageId: z.uuid(), organizationId: z.uuid().nullable() }),
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

export const allEvents = [
  scoringRulesChanged,
  organizationCreated,
  emailQueued,
  passwordResetRequested,
  leadCreated,
  leadStatusChanged,
  reminderScheduled,
  reminderChanged,
  importQueued,
] as const;
export type AppEventType = (typeof allEvents)[number];
