import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tszNow } from "./columns";
import { organizationIdColumn, users } from "./identity";

/** A reusable email (subject, HTML and plain-text parts with `{{variables}}`), shared org-wide. */
export const emailTemplates = pgTable(
  "email_templates",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    /** Free-form grouping chosen by the team (e.g. "Follow-up", "Cold outreach"). */
    category: text("category"),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    /** Null: the plain-text part is derived from the HTML when rendering. */
    text: text("text"),
    /** Variable names used across the parts, kept on write so lists can show them cheaply. */
    variables: jsonb("variables").$type<string[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("email_templates_org_updated_idx").on(t.organizationId, t.updatedAt),
    index("email_templates_org_category_idx").on(t.organizationId, t.category),
  ],
);

/** A user's starred templates: personal, so each member keeps their own shortlist. */
export const templateFavorites = pgTable(
  "template_favorites",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    templateId: uuid("template_id")
      .notNull()
      .references(() => emailTemplates.id, { onDelete: "cascade" }),
    createdAt: tszNow("created_at"),
  },
  (t) => [
    uniqueIndex("template_favorites_key").on(t.organizationId, t.userId, t.templateId),
    // Serves the cascade when a template is deleted; tenant-led like every index.
    index("template_favorites_template_idx").on(t.organizationId, t.templateId),
  ],
);
