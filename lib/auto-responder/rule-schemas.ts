import { z } from "zod";
import { LEAD_FIELD_OPS } from "@/db/schema";
import { REPLY_CATEGORIES } from "@/lib/ai/reply-classification";
import { RULE_LEAD_FIELDS } from "./rule-fields";

export { RULE_LEAD_FIELDS };

const CUSTOM_FIELD_RE = /^custom\.[A-Za-z0-9_-]{1,64}$/;

export const leadFieldConditionSchema = z
  .strictObject({
    field: z
      .string()
      .refine(
        (f) => (RULE_LEAD_FIELDS as readonly string[]).includes(f) || CUSTOM_FIELD_RE.test(f),
        "A lead field (e.g. company, status, score) or custom.<key>",
      )
      .meta({ description: "A standard lead field or `custom.<key>`" }),
    op: z.enum(LEAD_FIELD_OPS),
    value: z
      .union([z.string().max(500), z.number(), z.array(z.string().max(500)).max(50)])
      .nullable()
      .optional()
      .meta({ description: "A list for `in`; a number for `gt`/`lt`; ignored by `empty`" }),
  })
  .superRefine((c, issue) => {
    if (c.op === "empty") return;
    if (c.value === undefined || c.value === null || c.value === "") {
      issue.addIssue({ code: "custom", path: ["value"], message: `A value is needed for ${c.op}` });
    } else if (c.op === "in" && !Array.isArray(c.value)) {
      issue.addIssue({ code: "custom", path: ["value"], message: "`in` takes a list of values" });
    } else if ((c.op === "gt" || c.op === "lt") && !Number.isFinite(Number(c.value))) {
      issue.addIssue({ code: "custom", path: ["value"], message: `${c.op} compares numbers` });
    }
  })
  .meta({ id: "AutoResponderLeadFieldCondition" });

const shortText = z.string().trim().min(1).max(100);

export const ruleConditionsSchema = z
  .strictObject({
    categories: z.array(z.enum(REPLY_CATEGORIES)).max(REPLY_CATEGORIES.length).default([]),
    campaignIds: z.array(z.uuid()).max(50).default([]),
    keywords: z
      .array(shortText)
      .max(50)
      .default([])
      .meta({ description: "Any of these, case-insensitive, in the reply's own words" }),
    leadFields: z.array(leadFieldConditionSchema).max(20).default([]),
    minConfidence: z.number().min(0).max(1).nullable().default(null),
  })
  .meta({ id: "AutoResponderConditions", description: "Empty lists mean any" });

export const ruleActionsSchema = z
  .strictObject({
    sendTemplateId: z.uuid().nullable().default(null),
    sendDelayMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(0),
    notify: z
      .strictObject({
        owner: z.boolean().default(false),
        admins: z.boolean().default(false),
        userIds: z.array(z.uuid()).max(20).default([]),
      })
      .default({ owner: false, admins: false, userIds: [] }),
    setStatus: z.string().trim().min(1).max(100).nullable().default(null),
    setOwnerId: z.uuid().nullable().default(null),
    addTags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  })
  .meta({ id: "AutoResponderActions" });

export const ruleInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean().default(true),
    priority: z.number().int().min(0).max(1_000_000).optional().meta({
      description: "Lower runs first; defaults to after the last rule",
    }),
    conditions: ruleConditionsSchema.default({
      categories: [],
      campaignIds: [],
      keywords: [],
      leadFields: [],
      minConfidence: null,
    }),
    actions: ruleActionsSchema,
    stopProcessing: z.boolean().default(false).meta({ description: "Skip later rules on a match" }),
    oncePerLead: z.boolean().default(false).meta({ description: "Act at most once per lead" }),
  })
  .meta({ id: "AutoResponderRuleInput" });
export type RuleInput = z.infer<typeof ruleInput>;

export const toggleRuleInput = z
  .strictObject({ enabled: z.boolean() })
  .meta({ id: "AutoResponderToggle" });

export const ruleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    priority: z.number().int(),
    conditions: ruleConditionsSchema,
    actions: ruleActionsSchema,
    stopProcessing: z.boolean(),
    oncePerLead: z.boolean(),
    matchCount: z.number().int(),
    lastMatchedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AutoResponderRule" });
export type RuleDto = z.infer<typeof ruleSchema>;

export const ruleIdParams = z.object({ id: z.uuid() });

export const listRulesQuery = z
  .strictObject({
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    perPage: z.coerce.number().int().min(1).max(100).default(20),
    enabled: z.enum(["true", "false"]).optional(),
  })
  .meta({ id: "AutoResponderRulesQuery" });

export const actionOutcomeSchema = z.object({
  outcome: z.enum(["done", "skipped", "failed", "pending_approval"]),
  detail: z.string().nullable(),
  at: z.iso.datetime(),
});

export const runSchema = z
  .object({
    id: z.uuid(),
    ruleId: z.uuid().nullable(),
    ruleName: z.string(),
    messageId: z.uuid(),
    leadId: z.uuid(),
    leadName: z.string(),
    category: z.string(),
    confidence: z.number(),
    actions: z.record(z.string(), actionOutcomeSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AutoResponderRun" });
export type RunDto = z.infer<typeof runSchema>;

export const listRunsQuery = z
  .strictObject({
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    perPage: z.coerce.number().int().min(1).max(100).default(20),
    ruleId: z.uuid().optional(),
    leadId: z.uuid().optional(),
  })
  .meta({ id: "AutoResponderRunsQuery" });
