import { z } from "zod";
import {
  APPROVAL_KINDS,
  APPROVAL_SOURCES,
  APPROVAL_STATUSES,
  APPROVAL_TIMEOUT_ACTIONS,
  APPROVAL_TRIGGERS,
  ROLES,
} from "@/db/schema";
import { pageQuerySchema } from "@/lib/http/pagination";

const subject = z.string().trim().min(1).max(300);
const text = z.string().trim().min(1).max(50_000);
const html = z.string().max(200_000).nullable();

// ——— rules ———

export const approvalRuleInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(true),
    priority: z.number().int().min(0).max(10_000).default(100).meta({
      description: "Lower runs first; rules scoped to a campaign are always considered first",
    }),
    trigger: z.enum(APPROVAL_TRIGGERS).meta({
      description:
        "ai_drafted: AI-drafted messages; first_message: the first message to a lead; positive_reply: messages to a lead whose latest reply was interested or meeting_request; all_messages: everything",
    }),
    campaignId: z.uuid().nullable().default(null).meta({
      description: "Only this campaign's messages; null for the whole organization",
    }),
    approverUserId: z.uuid().nullable().default(null).meta({
      description: "A member who approves (must hold approvals:decide)",
    }),
    approverRole: z.enum(["owner", "admin", "manager"]).nullable().default(null).meta({
      description: "Anyone of this role or above approves; neither set: managers and up",
    }),
    timeoutHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    timeoutAction: z.enum(APPROVAL_TIMEOUT_ACTIONS).default("skip").meta({
      description:
        "Nobody decided in time — send: send as drafted; skip: don't send this message (a sequence goes on with its next step); stop: end the lead's sequence",
    }),
  })
  .meta({ id: "ApprovalRuleInput" });
export type ApprovalRuleInput = z.infer<typeof approvalRuleInput>;

export const approvalRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    priority: z.number().int(),
    trigger: z.enum(APPROVAL_TRIGGERS),
    campaignId: z.uuid().nullable(),
    approverUserId: z.uuid().nullable(),
    approverRole: z.enum(ROLES).nullable(),
    timeoutHours: z.number().int(),
    timeoutAction: z.enum(APPROVAL_TIMEOUT_ACTIONS),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ApprovalRule" });
export type ApprovalRuleDto = z.infer<typeof approvalRuleSchema>;

export const toggleRuleInput = z
  .strictObject({
    enabled: z.boolean().optional().meta({ description: "Omit to flip the current state" }),
  })
  .meta({ id: "ApprovalRuleToggle" });

export const testRuleInput = z
  .strictObject({
    leadId: z.uuid().optional().meta({
      description: "Read firstMessage and positiveReply from this lead when they are omitted",
    }),
    campaignId: z.uuid().nullable().default(null),
    aiDrafted: z.boolean().default(false),
    firstMessage: z.boolean().optional(),
    positiveReply: z.boolean().optional(),
  })
  .meta({ id: "ApprovalRuleTestInput" });

export const testRuleResult = z
  .object({
    held: z.boolean(),
    rule: approvalRuleSchema.nullable(),
    reason: z.string(),
    facts: z.object({
      campaignId: z.uuid().nullable(),
      aiDrafted: z.boolean(),
      firstMessage: z.boolean(),
      positiveReply: z.boolean(),
    }),
    evaluated: z.array(
      z.object({ ruleId: z.uuid(), name: z.string(), matched: z.boolean(), why: z.string() }),
    ),
  })
  .meta({ id: "ApprovalRuleTestResult" });

// ——— approvals ———

const content = z.object({ subject: z.string(), html: z.string().nullable(), text: z.string() });

export const approvalSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(APPROVAL_KINDS),
    status: z.enum(APPROVAL_STATUSES),
    source: z.enum(APPROVAL_SOURCES),
    lead: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }),
    campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    stepIndex: z.number().int().nullable(),
    ruleId: z.uuid().nullable(),
    reason: z.string().meta({ description: "Which rule holds the message, and why" }),
    timeoutAction: z.enum(APPROVAL_TIMEOUT_ACTIONS),
    subject: z.string(),
    html: z.string().nullable(),
    text: z.string(),
    original: content.meta({ description: "The draft as it was submitted" }),
    edits: z.array(
      z.object({
        userId: z.uuid().nullable(),
        at: z.iso.datetime(),
        changes: z.record(
          z.string(),
          z.object({ from: z.string().nullable(), to: z.string().nullable() }),
        ),
      }),
    ),
    urgent: z.boolean(),
    dueAt: z.iso.datetime(),
    assigneeUserId: z.uuid().nullable(),
    assigneeRole: z.enum(ROLES).nullable(),
    delegatedBy: z.uuid().nullable(),
    delegatedAt: z.iso.datetime().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    aiDrafted: z.boolean(),
    mode: z.enum(["llm", "offline"]).nullable().meta({
      description: "How an AI-drafted message was written: by the model, or offline from templates",
    }),
    sentMessageId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Approval" });
export type ApprovalDto = z.infer<typeof approvalSchema>;

export const approvalDetailSchema = approvalSchema
  .extend({
    preview: z.object({
      to: z.string().nullable(),
      subject: z.string(),
      html: z.string().meta({ description: "The message as the lead will see it (HTML)" }),
    }),
  })
  .meta({ id: "ApprovalDetail" });

export const approvalStatsSchema = z
  .object({
    pending: z.number().int(),
    urgent: z.number().int(),
    changesRequested: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    expired: z.number().int(),
    medianDecisionSeconds: z.number().nullable().meta({
      description: "Median time from submission to approval or rejection",
    }),
  })
  .meta({ id: "ApprovalStats" });
export type ApprovalStats = z.infer<typeof approvalStatsSchema>;

export const listApprovalsQuery = pageQuerySchema
  .extend({
    status: z.enum(["pending", "history"]).default("pending").meta({
      description:
        "pending: waiting (including those sent back for changes); history: approved, rejected, expired",
    }),
    urgent: z.stringbool().optional().meta({
      description: "Only urgent ones: positive leads, or due within 4 hours",
    }),
    assignee: z.enum(["me"]).optional().meta({ description: "Only those assigned to the caller" }),
  })
  .strict()
  .meta({ id: "ApprovalsQuery" });
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuery>;

export const approveInput = z
  .strictObject({
    subject: subject.optional(),
    html: html.optional(),
    text: text.optional(),
    note: z.string().trim().max(2_000).optional(),
  })
  .meta({ id: "ApproveInput" });

export const rejectInput = z
  .strictObject({ reason: z.string().trim().min(1).max(2_000) })
  .meta({ id: "RejectInput" });

export const requestChangesInput = z
  .strictObject({ note: z.string().trim().min(1).max(2_000) })
  .meta({ id: "RequestChangesInput" });

export const delegateInput = z
  .strictObject({ userId: z.uuid(), note: z.string().trim().max(2_000).optional() })
  .meta({ id: "DelegateInput" });

export const editApprovalInput = z
  .strictObject({ subject: subject.optional(), html: html.optional(), text: text.optional() })
  .refine((v) => v.subject !== undefined || v.html !== undefined || v.text !== undefined, {
    message: "Give subject, html or text",
  })
  .meta({ id: "EditApprovalInput" });
