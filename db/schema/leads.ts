import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz } from "./columns";
import { organizationIdColumn, users } from "./identity";

export const TEMPERATURES = ["hot", "warm", "cold"] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export interface ScoreContribution {
  rule: string;
  label: string;
  points: number;
}

/**
 * The lead. Picklist values (status, source, industry, lost reason) are slugs of the
 * organization's lead options. Every list index leads with organization_id and only covers live
 * rows (deleted_at is null), which is what every list, count and sort filters on.
 */
export const leads = pgTable(
  "leads",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    /** "First Last", else the email, else the company: what lists show and sort by. */
    displayName: text("display_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    company: text("company"),
    jobTitle: text("job_title"),
    website: text("website"),
    domain: text("domain"),
    industry: text("industry"),
    source: text("source"),
    status: text("status").notNull(),
    lostReason: text("lost_reason"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * When the current owner got the lead ("newly assigned to me"). Kept by a trigger
     * (migration 0008) so every write path — form, bulk, import, merge — sets it alike.
     */
    assignedAt: tsz("assigned_at"),
    score: integer("score").notNull().default(0),
    /** Set when a manager overrides the computed score; the computed one stays in the breakdown. */
    scoreOverride: integer("score_override"),
    scoreBreakdown: jsonb("score_breakdown").$type<ScoreContribution[]>().notNull().default([]),
    temperature: text("temperature", { enum: TEMPERATURES }).notNull().default("cold"),
    /**
     * A temperature set on purpose (a classified reply's configured effect) rather than derived
     * from the score; rescoring keeps it until another effect replaces or clears it.
     */
    temperatureOverride: text("temperature_override", { enum: TEMPERATURES }),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    city: text("city"),
    region: text("region"),
    country: text("country"),
    postalCode: text("postal_code"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    timezone: text("timezone"),
    doNotContact: boolean("do_not_contact").notNull().default(false),
    unsubscribed: boolean("unsubscribed").notNull().default(false),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    /** Every status the lead has been in, for "ever reached" funnels. */
    reachedStatuses: text("reached_statuses")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Lowercased name, email, company, title, phone and recent notes, for trigram search. */
    searchText: text("search_text").notNull().default(""),
    /** Identifies a row of an imported file, so re-running an import never duplicates leads. */
    importKey: text("import_key"),
    importId: uuid("import_id"),
    mergedIntoId: uuid("merged_into_id"),
    /**
     * The deal: its value (in dealCurrency, ISO 4217), expected close date, and when it was won or
     * lost — set when the status enters a won/lost-category status (cleared when it leaves one).
     */
    dealValue: numeric("deal_value", { precision: 14, scale: 2, mode: "number" }),
    dealCurrency: text("deal_currency"),
    expectedCloseDate: date("expected_close_date", { mode: "string" }),
    wonAt: tsz("won_at"),
    lostAt: tsz("lost_at"),
    lastContactedAt: tsz("last_contacted_at"),
    /**
     * The lead's first outbound contact (a sent message on any channel or a logged call) and its
     * first human reply after it — kept by triggers on conversation_messages and user_activities
     * (db/migrations, leads_refresh_first_contact) so analytics never aggregate the message log.
     */
    firstContactedAt: tsz("first_contacted_at"),
    firstRepliedAt: tsz("first_replied_at"),
    /**
     * When the lead first entered the organization's "qualified" status (the one with that slug,
     * else the second open status) — kept by triggers on lead_status_changes and lead_options.
     */
    qualifiedAt: tsz("qualified_at"),
    /**
     * The statuses the lead entered, in order, and when (its lead_status_changes by changed_at,
     * id) — kept by triggers on the history (db/migrations, leads_refresh_status_path) so the
     * funnel's time in stage and the status-entry rollup read the lead row, not the history.
     */
    statusPath: text("status_path")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    statusPathAt: tsz("status_path_at")
      .array()
      .notNull()
      .default(sql`'{}'::timestamptz[]`),
    /** Seconds from each entry to the next (one fewer than the path: the current one is open). */
    statusPathSeconds: doublePrecision("status_path_seconds")
      .array()
      .notNull()
      .default(sql`'{}'::float8[]`),
    nextFollowUpAt: tsz("next_follow_up_at"),
    createdById: uuid("created_by_id"),
    updatedById: uuid("updated_by_id"),
    deletedAt: tsz("deleted_at"),
    ...timestamps(),
  },
  (t) => {
    const live = sql`${t.deletedAt} is null`;
    return [
      uniqueIndex("leads_org_email_key")
        .on(t.organizationId, t.email)
        .where(sql`${t.deletedAt} is null and ${t.email} is not null`),
      uniqueIndex("leads_org_import_key")
        .on(t.organizationId, t.importKey)
        .where(sql`${t.deletedAt} is null and ${t.importKey} is not null`),
      // Also carries INCLUDE (owner, source, status, score, first contact/reply, qualified, won,
      // lost, deal, reached statuses) — db/migrations/0032 — so analytics over the leads created
      // in a period (speed to lead, funnel, score buckets) are index-only scans.
      index("leads_org_created_idx").on(t.organizationId, t.createdAt, t.id).where(live),
      // leads_org_created_stages_idx (hand-written, db/migrations: funnel_path_seconds) covers the
      // same range with the status path and its seconds, score, temperature and status, for time
      // in stage and lead quality.
      index("leads_org_updated_idx").on(t.organizationId, t.updatedAt, t.id).where(live),
      index("leads_org_score_idx").on(t.organizationId, t.score, t.id).where(live),
      index("leads_org_name_idx").on(t.organizationId, t.displayName, t.id).where(live),
      index("leads_org_company_idx")
        .on(t.organizationId, sql`coalesce(${t.company}, '')`, t.id)
        .where(live),
      index("leads_org_status_idx").on(t.organizationId, t.status, t.createdAt, t.id).where(live),
      index("leads_org_owner_idx").on(t.organizationId, t.ownerId, t.createdAt, t.id).where(live),
      index("leads_org_assigned_idx").on(t.organizationId, t.ownerId, t.assignedAt).where(live),
      index("leads_org_source_idx").on(t.organizationId, t.source, t.createdAt).where(live),
      index("leads_org_industry_idx").on(t.organizationId, t.industry).where(live),
      index("leads_org_temperature_idx").on(t.organizationId, t.temperature, t.score).where(live),
      index("leads_org_contacted_idx")
        .on(t.organizationId, sql`coalesce(${t.lastContactedAt}, '-infinity'::timestamptz)`, t.id)
        .where(live),
      index("leads_org_follow_up_idx")
        .on(t.organizationId, sql`coalesce(${t.nextFollowUpAt}, 'infinity'::timestamptz)`, t.id)
        .where(live),
      // Deal sorts: nulls coalesced to the end a list reads first (no value lowest, no date last).
      index("leads_org_deal_value_idx")
        .on(t.organizationId, sql`coalesce(${t.dealValue}, -1)`, t.id)
        .where(live),
      index("leads_org_expected_close_idx")
        .on(t.organizationId, sql`coalesce(${t.expectedCloseDate}, 'infinity'::date)`, t.id)
        .where(live),
      index("leads_org_tags_idx").using("gin", t.organizationId, t.tags).where(live),
      index("leads_org_search_idx")
        .using("gin", t.organizationId, sql`${t.searchText} gin_trgm_ops`)
        .where(live),
      index("leads_org_custom_idx")
        .using("gin", t.organizationId, sql`${t.customFields} jsonb_path_ops`)
        .where(live),
      index("leads_org_deleted_idx")
        .on(t.organizationId, t.deletedAt)
        .where(sql`${t.deletedAt} is not null`),
      index("leads_org_domain_idx").on(t.organizationId, t.domain).where(live),
      // Also carries INCLUDE (id, owner, source, company, name, deal) — db/migrations/0042. Beside
      // it, leads_org_customer_won_idx (0053, an expression index drizzle does not model) finds a
      // customer's won leads for lifetime value.
      index("leads_org_won_idx")
        .on(t.organizationId, t.wonAt)
        .where(sql`${t.deletedAt} is null and ${t.wonAt} is not null`),
    ];
  },
);

export const OPTION_KINDS = ["status", "source", "industry", "lost_reason"] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];
export const STATUS_CATEGORIES = ["open", "won", "lost"] as const;

/** Per-organization picklists: stable lower-case slugs with display labels, in order. */
export const leadOptions = pgTable(
  "lead_options",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    kind: text("kind", { enum: OPTION_KINDS }).notNull(),
    value: text("value").notNull(),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    /** Statuses only: whether the stage is still open, or a won / lost outcome. */
    category: text("category", { enum: STATUS_CATEGORIES }),
    /** Retired values stay on existing leads but can't be chosen any more. */
    retired: boolean("retired").notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex("lead_options_org_kind_value_key").on(t.organizationId, t.kind, t.value)],
);

export const CUSTOM_FIELD_TYPES = [
  "text",
  "number",
  "date",
  "boolean",
  "select",
  "multiselect",
  "url",
  "email",
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Typed extra fields an organization defines for its leads. */
export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type", { enum: CUSTOM_FIELD_TYPES }).notNull(),
    options: text("options")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull().default(0),
    archived: boolean("archived").notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex("custom_field_definitions_org_key").on(t.organizationId, t.key)],
);
