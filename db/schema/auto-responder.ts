import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";

export const LEAD_FIELD_OPS = ["eq", "neq", "contains", "gt", "lt", "in", "empty"] as const;
export type LeadFieldOp = (typeof LEAD_FIELD_OPS)[number];

/** One test on a lead field: a standard field by name or a custom one as `custom.<key>`. */
export interface LeadFieldCondition {
  field: string;
  op: LeadFieldOp;
  /** A string or number; a list for `in`; ignored by `empty`. */
  value?: string | number | string[] | null;
}

/** When a rule applies: every given condition must hold (empty lists mean "any"). */
export interface AutoResponderConditions {
  categories: string[];
  campaignIds: string[];
  /** Any of these, case-insensitive, in the reply's own words. */
  keywords: string[];
  leadFields: LeadFieldCondition[];
  minConfidence: number | null;
}

export interface AutoResponderNotify {
  owner: boolean;
  admins: boolean;
  userIds: string[];
}

/** What a matching rule does; every action is optional. */
export interface AutoResponderActions {
  sendTemplateId: string | null;
  sendDelayMinutes: number;
  notify: AutoResponderNotify;
  setStatus: string | null;
  setOwnerId: string | null;
  addTags: string[];
}

export const AUTO_RESPONDER_ACTION_TYPES = [
  "set_status",
  "set_owner",
  "add_tags",
  "notify",
  "send_template",
] as const;
export type AutoResponderActionType = (typeof AUTO_RESPONDER_ACTION_TYPES)[number];

/** How one action of a run ended: `skipped` carries the reason (e.g. the lead unsubscribed). */
export interface AutoResponderActionOutcome {
  outcome: "done" | "skipped" | "failed" | "pending_approval";
  detail: string | null;
  at: string;
}

/**
 * An organization's auto-responder rule (issue 8): when a classified reply matches its
 * conditions, its actions run. Rules are tried by ascending priority; `stopProcessing` ends the
 * evaluation after this one matches.
 */
export const autoResponderRules = pgTable(
  "auto_responder_rules",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    priority: integer("priority").notNull().default(0),
    conditions: jsonb("conditions").$type<AutoResponderConditions>().notNull(),
    actions: jsonb("actions").$type<AutoResponderActions>().notNull(),
    stopProcessing: boolean("stop_processing").notNull().default(false),
    /** Act at most once for a lead, however many of its replies match later. */
    oncePerLead: boolean("once_per_lead").notNull().default(false),
    matchCount: integer("match_count").notNull().default(0),
    lastMatchedAt: tsz("last_matched_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("auto_responder_rules_org_priority_idx").on(t.organizationId, t.priority)],
);

/**
 * One rule acting on one reply: the marker that makes a retried job idempotent (unique per rule
 * and message) and the log the settings screen shows. The rule's name is kept so the log still
 * reads after the rule is deleted.
 */
export const autoResponderRuns = pgTable(
  "auto_responder_runs",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    ruleId: uuid("rule_id").references(() => autoResponderRules.id, { onDelete: "set null" }),
    ruleName: text("rule_name").notNull(),
    messageId: uuid("message_id").notNull(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    confidence: real("confidence").notNull(),
    actions: jsonb("actions")
      .$type<Partial<Record<AutoResponderActionType, AutoResponderActionOutcome>>>()
      .notNull()
      .default({}),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("auto_responder_runs_org_rule_message_key").on(
      t.organizationId,
      t.ruleId,
      t.messageId,
    ),
    index("auto_responder_runs_org_created_idx").on(t.organizationId, t.createdAt),
    index("auto_responder_runs_org_rule_lead_idx").on(t.organizationId, t.ruleId, t.leadId),
  ],
);
