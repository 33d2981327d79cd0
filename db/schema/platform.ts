import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizationIdColumn, organizations } from "./identity";

export const ACTOR_TYPES = ["user", "api_key", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    /** User id or API key id; null for system actions. Not a foreign key: the log outlives actors. */
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    changes: jsonb("changes").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    ...timestamps(),
  },
  (t) => [
    index("audit_logs_org_created_idx").on(t.organizationId, t.createdAt),
    index("audit_logs_org_resource_idx").on(t.organizationId, t.resourceType, t.resourceId),
    index("audit_logs_org_actor_idx").on(t.organizationId, t.actorId, t.createdAt),
  ],
);

/**
 * Transactional outbox: events are written in the same transaction as the change that causes
 * them and relayed to the job engine afterwards, so nothing is lost while it is unreachable.
 * The row id doubles as the Inngest event id, which makes redelivery idempotent.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: idColumn(),
    /** Null for system-wide events (cron-like maintenance); tenant events always carry it. */
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    availableAt: tszNow("available_at"),
    leaseUntil: tsz("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: tsz("sent_at"),
    ...timestamps(),
  },
  (t) => [
    index("outbox_events_pending_idx")
      .on(t.availableAt, t.id)
      .where(sql`${t.sentAt} is null`),
    index("outbox_events_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    /** Who used the key (user or API key id): keys are scoped per caller, as Stripe does. */
    actorId: uuid("actor_id").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    /** null while the first request is still in flight. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    expiresAt: tsz("expires_at").notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_org_actor_key").on(t.organizationId, t.actorId, t.key),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);

/** Shared fixed-window counters for RATE_LIMIT_STORE=postgres (several app processes). */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: tsz("window_start").notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: tsz("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limit_counters_expires_idx").on(t.expiresAt),
  ],
);
