import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns, campaignRecipients } from "./campaigns";
import { idColumn, timestamps, tsz } from "./columns";
import { organizationIdColumn, ROLES, users } from "./identity";
import { leads } from "./leads";

/** What makes a message wait for a person (issue 8). */
export const APPROVAL_TRIGGERS = [
  "ai_drafted",
  "first_message",
  "positive_reply",
  "all_messages",
] as const;
export type ApprovalTrigger = (typeof APPROVAL_TRIGGERS)[number];

/** Nobody decided in time: send anyway, skip this message, or end the lead's sequence. */
export const APPROVAL_TIMEOUT_ACTIONS = ["send", "skip", "stop"] as const;
export type ApprovalTimeoutAction = (typeof APPROVAL_TIMEOUT_ACTIONS)[number];

export const APPROVAL_KINDS = ["campaign_step", "reply"] as const;
export const APPROVAL_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "changes_requested",
  "expired",
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_SOURCES = ["campaign", "auto_responder", "ai_reply", "manual"] as const;

/**
 * A policy: which outgoing messages wait for approval, who approves them, and what happens when
 * nobody does. The first enabled rule by priority wins; campaign-scoped rules before org-wide.
 */
export const approvalRules = pgTable(
  "approval_rules",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Lower runs first. */
    priority: integer("priority").notNull().default(100),
    trigger: text("trigger", { enum: APPROVAL_TRIGGERS }).notNull(),
    /** Only this campaign's messages; null = every message of the organization. */
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    /** A named approver, or anyone holding this role (or above); neither = managers and up. */
    approverUserId: uuid("approver_user_id").references(() => users.id, { onDelete: "set null" }),
    approverRole: text("approver_role", { enum: ROLES }),
    timeoutHours: integer("timeout_hours").notNull().default(24),
    timeoutAction: text("timeout_action", { enum: APPROVAL_TIMEOUT_ACTIONS })
      .notNull()
      .default("skip"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("approval_rules_org_priority_idx").on(t.organizationId, t.priority)],
);

/** One tracked change a reviewer or the owner made to a held message. */
export interface ApprovalEdit {
  userId: string | null;
  at: string;
  /** Which fields changed, with the value before and after. */
  changes: Partial<Record<"subject" | "html" | "text", { from: string | null; to: string | null }>>;
}

export interface ApprovalContent {
  subject: string;
  html: string | null;
  text: string;
}

/**
 * A message held until someone approves it: a campaign step (the sequence waits on it) or a
 * one-off reply (sent by the approval job once approved). Keeps the original draft and every
 * edit, who decided what and when.
 */
export const approvals = pgTable(
  "approvals",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    kind: text("kind", { enum: APPROVAL_KINDS }).notNull(),
    status: text("status", { enum: APPROVAL_STATUSES }).notNull().default("pending"),
    source: text("source", { enum: APPROVAL_SOURCES }).notNull(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id"),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id").references(() => campaignRecipients.id, {
      onDelete: "cascade",
    }),
    /** The sequence run (recipient generation) the held step belongs to. */
    generation: integer("generation"),
    stepIndex: integer("step_index"),
    ruleId: uuid("rule_id").references(() => approvalRules.id, { onDelete: "set null" }),
    /** Why it is held, kept even if the rule changes or goes: the rule's name and trigger. */
    reason: text("reason").notNull(),
    timeoutAction: text("timeout_action", { enum: APPROVAL_TIMEOUT_ACTIONS })
      .notNull()
      .default("skip"),
    autoResponderRuleId: uuid("auto_responder_rule_id"),
    subject: text("subject").notNull(),
    html: text("html"),
    text: text("text").notNull(),
    original: jsonb("original").$type<ApprovalContent>().notNull(),
    edits: jsonb("edits").$type<ApprovalEdit[]>().notNull().default([]),
    urgent: boolean("urgent").notNull().default(false),
    dueAt: tsz("due_at").notNull(),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    assigneeRole: text("assignee_role", { enum: ROLES }),
    delegatedBy: uuid("delegated_by").references(() => users.id, { onDelete: "set null" }),
    delegatedAt: tsz("delegated_at"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: tsz("decided_at"),
    decisionNote: text("decision_note"),
    aiDrafted: boolean("ai_drafted").notNull().default(false),
    mode: text("mode", { enum: ["llm", "offline"] }),
    /** The conversation message the approved content went out as (sent exactly once). */
    sentMessageId: uuid("sent_message_id"),
    ...timestamps(),
  },
  (t) => [
    index("approvals_org_status_created_idx").on(t.organizationId, t.status, t.createdAt, t.id),
    index("approvals_org_lead_idx").on(t.organizationId, t.leadId),
    // One approval per step of one sequence run, however often the job's step is retried.
    uniqueIndex("approvals_step_key")
      .on(t.organizationId, t.recipientId, t.generation, t.stepIndex)
      .where(sql`${t.recipientId} is not null`),
  ],
);
