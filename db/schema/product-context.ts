import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tszNow } from "./columns";
import { organizationIdColumn, organizations, users } from "./identity";

/** A buyer persona: who they are and what hurts. */
export interface ProductPersona {
  title: string;
  pains: string[];
}

/** An objection prospects raise and how the team answers it. */
export interface ProductObjection {
  objection: string;
  answer: string | null;
}

/**
 * What the organization sells and to whom (issue 8, seed 001): one row per organization, kept up
 * to date by the product-context chat and by direct edits; it feeds drafting and classification
 * prompts and the targeting recommendations.
 */
export const productContexts = pgTable("product_contexts", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  productName: text("product_name"),
  description: text("description"),
  valuePropositions: jsonb("value_propositions").$type<string[]>().notNull().default([]),
  targetIndustries: jsonb("target_industries").$type<string[]>().notNull().default([]),
  personas: jsonb("personas").$type<ProductPersona[]>().notNull().default([]),
  objections: jsonb("objections").$type<ProductObjection[]>().notNull().default([]),
  pricingNotes: text("pricing_notes"),
  competitors: jsonb("competitors").$type<string[]>().notNull().default([]),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps(),
});

/** One turn of the product-context chat, with what it changed (kept for auditing). */
export const productContextMessages = pgTable(
  "product_context_messages",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    /** The structured changes this turn applied (assistant turns), field → new value. */
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull().default({}),
    /** Assistant turns: the section it asked about next, so the offline interviewer can resume. */
    askedSection: text("asked_section"),
    /** Assistant turns: the clarifying questions it asked. */
    questions: jsonb("questions").$type<string[]>().notNull().default([]),
    mode: text("mode", { enum: ["llm", "offline"] }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tszNow("created_at"),
  },
  (t) => [
    index("product_context_messages_org_created_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
