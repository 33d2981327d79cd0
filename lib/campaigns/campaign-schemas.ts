import { z } from "zod";
import { currencyCode, moneyAmount } from "@/lib/leads/lead-schemas";
import { CAMPAIGN_STATUSES, RECIPIENT_STATES, STEP_AI_MODES } from "@/db/schema";
import { pageQuerySchema } from "@/lib/http/pagination";
import { leadFilterShape } from "@/lib/leads/lead-filters";
import { isValidTimeZone } from "./send-window";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");

/** An IANA zone name the runtime knows (Europe/Berlin, America/New_York, UTC…). */
export const timezoneName = z
  .string()
  .trim()
  .max(64)
  .refine((tz) => isValidTimeZone(tz), "Unknown time zone")
  .meta({ example: "Europe/Berlin" });

export const sendWindowSchema = z
  .strictObject({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, "Pick at least one day")
      .max(7)
      .transform((d) => [...new Set(d)].sort())
      .meta({ description: "ISO weekdays: 1 = Monday … 7 = Sunday" }),
    start: hhmm.meta({ example: "09:00" }),
    end: hhmm.meta({ example: "17:00", description: "Exclusive; must be after start" }),
  })
  .refine((w) => w.start < w.end, { message: "End must be after start", path: ["end"] })
  .meta({ id: "SendWindow" });

export const stopConditionsSchema = z
  .strictObject({
    reply: z.boolean().default(true),
    bounce: z.boolean().default(true),
    statusCategories: z
      .array(z.enum(["won", "lost"]))
      .max(2)
      .default(["won", "lost"]),
  })
  .meta({
    id: "StopConditions",
    description: "When a lead's sequence ends early. An unsubscribe always ends it.",
  });

export const variantInput = z
  .strictObject({
    id: z.string().trim().min(1).max(40).optional().meta({ description: "Kept when editing" }),
    label: z.string().trim().max(40).optional(),
    weight: z.number().int().min(0).max(100).default(50),
    templateId: z.uuid().nullable().optional(),
    subject: z.string().max(500).default(""),
    html: z.string().max(200_000).default(""),
    text: z.string().max(200_000).nullable().optional(),
  })
  .refine((v) => v.templateId || (v.subject.trim() && v.html.trim()), {
    message: "Give a subject and body, or pick a template",
  })
  .meta({ id: "CampaignVariantInput" });

export const stepAiInput = z
  .strictObject({
    personalize: z.enum(STEP_AI_MODES).default("off").meta({
      description:
        "first_line: a personalised opener per lead fills {{aiFirstLine}}; whole_step: the organization's model rewrites the step per lead from its content as the brief (offline: the step as written)",
    }),
    instructions: z
      .string()
      .trim()
      .max(1_000)
      .nullable()
      .optional()
      .meta({ description: "Guidance for the writer, e.g. 'mention the webinar'" }),
  })
  .meta({ id: "CampaignStepAiInput" });

export const stepInput = z
  .strictObject({
    id: z.string().trim().min(1).max(40).optional().meta({ description: "Kept when editing" }),
    delayDays: z.number().int().min(0).max(365).default(0),
    delayHours: z.number().int().min(0).max(23).default(0),
    variants: z
      .array(variantInput)
      .min(1, "A step needs an email")
      .max(5)
      .refine((v) => v.some((x) => x.weight > 0), "At least one variant needs a weight above 0"),
    ai: stepAiInput.optional().meta({ description: "AI personalisation; omitted: off" }),
  })
  .meta({ id: "CampaignStepInput" });

const name = z.string().trim().min(1, "Name the campaign").max(120);
const description = z.string().trim().max(2000).nullable();

const campaignFields = {
  name,
  description: description.optional(),
  steps: z.array(stepInput).max(20).optional(),
  mailboxIds: z.array(z.uuid()).max(20).optional(),
  sendWindow: sendWindowSchema.optional(),
  timezone: timezoneName.optional(),
  useLeadTimezone: z.boolean().optional(),
  dailyLimit: z.number().int().min(1).max(100_000).optional(),
  stopConditions: stopConditionsSchema.optional(),
  allowConcurrentCampaigns: z.boolean().optional(),
  trackOpens: z.boolean().nullable().optional(),
  trackClicks: z.boolean().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  costAmount: moneyAmount
    .nullable()
    .optional()
    .meta({ description: "What the campaign cost (lists, tools, time), for ROI" }),
  costCurrency: currencyCode.nullable().optional().meta({
    description: "ISO 4217; defaults to the organization's currency when a cost is set without one",
  }),
};

/**
 * Seed 001's short form: one email as `subjectLine` + `template` (text or HTML), the wait before
 * each later step as `followUpIntervalDays`, and the leads to add as `leadIds`.
 */
const shorthandFields = {
  subjectLine: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: "Short form: the first email's subject" }),
  template: z
    .string()
    .trim()
    .min(1)
    .max(200_000)
    .optional()
    .meta({ description: "Short form: the first email's body (text or HTML)" }),
  followUpIntervalDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .meta({ description: "Days to wait before each later step that gives no delay of its own" }),
  leadIds: z
    .array(z.uuid())
    .min(1)
    .max(10_000)
    .optional()
    .meta({ description: "Leads to add as recipients right away" }),
};

export const createCampaignInput = z
  .strictObject({ ...campaignFields, ...shorthandFields })
  .superRefine((c, ctx) => {
    if (Boolean(c.subjectLine) !== Boolean(c.template)) {
      ctx.addIssue({
        code: "custom",
        path: [c.subjectLine ? "template" : "subjectLine"],
        message: "subjectLine and template go together",
      });
    }
    if (c.subjectLine && c.steps?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["subjectLine"],
        message: "Give steps or subjectLine/template, not both",
      });
    }
    const laterSteps = (c.steps?.length ?? 0) - 1;
    if (c.followUpIntervalDays && laterSteps < 1) {
      ctx.addIssue({
        code: "custom",
        path: ["followUpIntervalDays"],
        message: "There are no follow-up steps to space out",
      });
    }
  })
  .meta({ id: "CreateCampaign" });
export const updateCampaignInput = z
  .strictObject({
    ...campaignFields,
    name: name.optional(),
    status: z.enum(["active", "paused", "stopped"]).optional().meta({
      description:
        "Seed 001: changing the status here does what /launch (draft/scheduled → active), /resume (paused → active), /pause and /stop do",
    }),
  })
  .meta({ id: "UpdateCampaign" });

export const variantSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    weight: z.number(),
    templateId: z.uuid().nullable(),
    subject: z.string(),
    html: z.string(),
    text: z.string().nullable(),
  })
  .meta({ id: "CampaignVariant" });

export const stepAiSchema = z
  .object({ personalize: z.enum(STEP_AI_MODES), instructions: z.string().nullable() })
  .meta({ id: "CampaignStepAi" });

export const stepSchema = z
  .object({
    id: z.string(),
    delayDays: z.number(),
    delayHours: z.number(),
    variants: z.array(variantSchema),
    ai: stepAiSchema,
  })
  .meta({ id: "CampaignStep" });

export const recipientCountsSchema = z
  .object(Object.fromEntries(RECIPIENT_STATES.map((s) => [s, z.number().int()])))
  .extend({ total: z.number().int() })
  .meta({ id: "RecipientCounts" });

export const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(CAMPAIGN_STATUSES),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    steps: z.array(stepSchema),
    mailboxIds: z.array(z.uuid()),
    sendWindow: z.object({ days: z.array(z.number()), start: z.string(), end: z.string() }),
    timezone: z.string(),
    useLeadTimezone: z.boolean(),
    dailyLimit: z.number(),
    stopConditions: z.object({
      reply: z.boolean(),
      bounce: z.boolean(),
      statusCategories: z.array(z.enum(["won", "lost"])),
    }),
    allowConcurrentCampaigns: z.boolean(),
    trackOpens: z.boolean().nullable(),
    trackClicks: z.boolean().nullable(),
    costAmount: z.number().nullable(),
    costCurrency: z.string().nullable(),
    scheduledAt: z.iso.datetime().nullable(),
    launchedAt: z.iso.datetime().nullable(),
    pausedAt: z.iso.datetime().nullable(),
    pausedReason: z.string().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    recipients: recipientCountsSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Campaign" });
export type CampaignDto = z.infer<typeof campaignSchema>;

export const listCampaignsQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    ownerId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: "CampaignsQuery" });

export const scheduleCampaignInput = z
  .strictObject({ startAt: z.iso.datetime({ offset: true }) })
  .meta({ id: "ScheduleCampaign" });

/** The leads table's filters as a body object (`cf.<key>` custom field filters included). */
export const recipientFilterSchema = z
  .object(leadFilterShape)
  .catchall(z.string().max(200))
  .meta({ description: "The same filters as GET /leads (incl. `cf.<key>`); {} = every lead" });

/** Add leads by id, or every lead matching a filter (the leads table's filters / a saved view's). */
export const addRecipientsInput = z
  .strictObject({
    leadIds: z.array(z.uuid()).min(1).max(10_000).optional(),
    filter: recipientFilterSchema.optional(),
    savedViewId: z.uuid().optional(),
  })
  .refine((b) => [b.leadIds, b.filter, b.savedViewId].filter(Boolean).length === 1, {
    message: "Give exactly one of leadIds, filter or savedViewId",
  })
  .meta({ id: "AddRecipients" });

export const EXCLUSION_REASONS = [
  "do_not_contact",
  "unsubscribed",
  "suppressed",
  "no_email",
  "in_other_campaign",
  "taken_over",
  "already_in_campaign",
  "not_found",
] as const;

export const addRecipientsResultSchema = z
  .object({
    added: z.number().int(),
    excluded: z.number().int(),
    excludedByReason: z.record(z.enum(EXCLUSION_REASONS), z.number().int()),
    /** The first excluded leads with their reason (up to 100), for the UI to explain. */
    exclusions: z.array(z.object({ leadId: z.uuid(), reason: z.enum(EXCLUSION_REASONS) })),
  })
  .meta({ id: "AddRecipientsResult" });

export const createdCampaignSchema = campaignSchema
  .extend({
    recipientsAdded: addRecipientsResultSchema
      .optional()
      .meta({ description: "When leadIds were given" }),
  })
  .meta({ id: "CreatedCampaign" });

export const recipientSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    lead: z.object({
      displayName: z.string(),
      email: z.string().nullable(),
      company: z.string().nullable(),
    }),
    state: z.enum(RECIPIENT_STATES),
    stateReason: z.string().nullable(),
    nextStepIndex: z.number().int(),
    mailboxId: z.uuid().nullable(),
    nextSendAt: z.iso.datetime().nullable(),
    postponedUntil: z.iso
      .datetime()
      .nullable()
      .meta({ description: "The lead said they are away until then: no step goes out before" }),
    lastSentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CampaignRecipient" });

export const listRecipientsQuery = pageQuerySchema
  .extend({
    state: z.enum(RECIPIENT_STATES).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict()
  .meta({ id: "CampaignRecipientsQuery" });

export const recipientParams = z.object({ id: z.uuid(), leadId: z.uuid() });

/** PUT replaces every setting: fields left out take their defaults (the owner is kept). */
export const replaceCampaignInput = z.strictObject(campaignFields).meta({ id: "ReplaceCampaign" });

export const sendNowInput = z
  .strictObject({
    leadIds: z
      .array(z.uuid())
      .min(1)
      .max(10_000)
      .optional()
      .meta({ description: "Only these leads' sequences; all live recipients when left out" }),
  })
  .meta({ id: "SendCampaignNow" });

export const sendNowResultSchema = z
  .object({
    /** Live recipients whose next step was queued to go out now. */
    recipients: z.number().int(),
  })
  .meta({ id: "SendCampaignNowResult" });
