import { boolean, index, integer, jsonb, pgTable, real, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tszNow } from "./columns";
import { organizationIdColumn, organizations, users } from "./identity";

/** What a classified reply does, per category (issue 8): all optional, off unless set. */
export interface ReplyEffect {
  /** A lead status key to move the lead to (e.g. interested → qualified). */
  status?: string | null;
  temperature?: "cold" | "warm" | "hot" | null;
  notifyOwner?: boolean;
}

/**
 * An organization's AI settings: its own provider (null: the installation's, or offline when
 * there is none), the sealed key, a monthly token budget, and what classified replies do.
 */
export const aiSettings = pgTable("ai_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  provider: text("provider", { enum: ["openai", "anthropic", "openai-compatible"] }),
  model: text("model"),
  apiKeySealed: text("api_key_sealed"),
  baseUrl: text("base_url"),
  /** Tokens per calendar month (UTC); null = no limit. Over it, calls run offline. */
  monthlyTokenBudget: integer("monthly_token_budget"),
  /** Below this confidence a classification waits for review instead of acting. */
  reviewThreshold: real("review_threshold").notNull().default(0.6),
  replyEffects: jsonb("reply_effects").$type<Record<string, ReplyEffect>>().notNull().default({}),
  /** wrong_person with a referral: add the referred contact as a new lead. */
  createReferralLeads: boolean("create_referral_leads").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps(),
});

/** One AI call: what it was for, how it ran, what it cost. */
export const aiUsage = pgTable(
  "ai_usage",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    purpose: text("purpose").notNull(),
    mode: text("mode", { enum: ["llm", "offline"] }).notNull(),
    provider: text("provider"),
    model: text("model"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    totalTokens: integer("total_tokens").notNull().default(0),
    latencyMs: integer("latency_ms").notNull().default(0),
    error: text("error"),
    createdAt: tszNow("created_at"),
  },
  (t) => [index("ai_usage_org_created_idx").on(t.organizationId, t.createdAt)],
);

/** A person's correction of a reply's category: kept as labelled data for evaluation. */
export const aiReplyLabels = pgTable(
  "ai_reply_labels",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    messageId: uuid("message_id").notNull(),
    category: text("category").notNull(),
    previousCategory: text("previous_category"),
    previousMode: text("previous_mode"),
    text: text("text").notNull(),
    subject: text("subject"),
    labelledBy: uuid("labelled_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("ai_reply_labels_org_created_idx").on(t.organizationId, t.createdAt),
    index("ai_reply_labels_org_message_idx").on(t.organizationId, t.messageId),
  ],
);
