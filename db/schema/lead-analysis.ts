import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, tszNow } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";

export interface StoredBuyingSignal {
  signal: string;
  evidence: string;
  strength: "weak" | "medium" | "strong";
}

export interface StoredNextStep {
  action: string;
  why: string;
  dueInDays?: number | null;
}

/**
 * An AI analysis of a lead (issue 8, seed 002): what it says at the time it ran. Every run is a
 * new row — history is kept so a re-analysis never hides what an earlier one said; the API serves
 * the latest.
 */
export const leadAnalyses = pgTable(
  "lead_analyses",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    summary: text("summary").notNull(),
    buyingSignals: jsonb("buying_signals").$type<StoredBuyingSignal[]>().notNull().default([]),
    risks: jsonb("risks").$type<string[]>().notNull().default([]),
    nextStep: jsonb("next_step").$type<StoredNextStep>().notNull(),
    /** 0–100: how well the lead matches who we sell to (fields we know). */
    fitScore: integer("fit_score"),
    /** 0–100: how much the lead's behaviour says they want to buy now. */
    intentScore: integer("intent_score"),
    mode: text("mode", { enum: ["llm", "offline"] }).notNull(),
    /** The model that wrote it (llm mode); null offline. */
    model: text("model"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tszNow("created_at"),
  },
  (t) => [
    index("lead_analyses_org_lead_created_idx").on(t.organizationId, t.leadId, t.createdAt, t.id),
  ],
);
