import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "./columns";
import { organizationIdColumn, users } from "./identity";

/** Screens whose state a user can save as a named view. */
export const SAVED_VIEW_RESOURCES = ["leads"] as const;
export type SavedViewResource = (typeof SAVED_VIEW_RESOURCES)[number];

export interface SavedViewState {
  /** The screen's URL search parameters (filters, search, sort, page size). */
  query: Record<string, string>;
  columns: string[];
  density: "comfortable" | "compact";
}

/** A user's own named view of a list screen; nobody else sees it. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resource: text("resource", { enum: SAVED_VIEW_RESOURCES }).notNull(),
    name: text("name").notNull(),
    state: jsonb("state").$type<SavedViewState>().notNull(),
    ...timestamps(),
  },
  (t) => [
    // Also serves listing a user's views of one screen (its leading columns).
    uniqueIndex("saved_views_name_key").on(t.organizationId, t.userId, t.resource, t.name),
  ],
);
