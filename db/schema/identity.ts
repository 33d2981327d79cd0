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
import { idColumn, timestamps, tsz } from "./columns";

export const ROLES = ["owner", "admin", "manager", "sales_rep", "integration"] as const;
export type Role = (typeof ROLES)[number];

export const organizations = pgTable(
  "organizations",
  {
    id: idColumn(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

/** The owning organization of a tenant row; deleting the organization deletes its rows. */
export const organizationIdColumn = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** A person's login identity; global because one person may belong to several organizations. */
export const users = pgTable(
  "users",
  {
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    passwordHash: text("password_hash"),
    /** Bumped on password change / forced sign-out: sessions and access tokens carry it. */
    sessionVersion: integer("session_version").notNull().default(0),
    emailVerifiedAt: tsz("email_verified_at"),
    lastLoginAt: tsz("last_login_at"),
    /** The organization the user last worked in: where a login lands, where their mail is kept. */
    lastOrganizationId: uuid("last_organization_id").references(() => organizations.id, {
      onDelete: "set null",
    }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const MEMBERSHIP_STATUSES = ["active", "invited", "deactivated"] as const;

export const memberships = pgTable(
  "memberships",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    status: text("status", { enum: MEMBERSHIP_STATUSES }).notNull().default("active"),
    /** The manager this member reports to (a user id in the same organization). */
    managerId: uuid("manager_id").references(() => users.id, { onDelete: "set null" }),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    deactivatedAt: tsz("deactivated_at"),
    /** The member's last request in this organization (to the minute), for "who is active now". */
    lastSeenAt: tsz("last_seen_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.organizationId, t.userId),
    index("memberships_org_manager_idx").on(t.organizationId, t.managerId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("integration"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: tsz("last_used_at"),
    expiresAt: tsz("expires_at"),
    revokedAt: tsz("revoked_at"),
    ...timestamps(),
  },
  (t) => [
    // Global on purpose: a presented key is looked up before its organization is known.
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** All tokens descending from one login share a family; reuse of a spent one revokes it. */
    familyId: uuid("family_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: tsz("expires_at").notNull(),
    usedAt: tsz("used_at"),
    revokedAt: tsz("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    ...timestamps(),
  },
  (t) => [
    // Global for the same reason as api_keys.key_hash: the token is all the caller presents.
    uniqueIndex("refresh_tokens_token_hash_key").on(t.tokenHash),
    index("refresh_tokens_org_user_idx").on(t.organizationId, t.userId),
    index("refresh_tokens_family_idx").on(t.familyId),
    index("refresh_tokens_expires_idx").on(t.expiresAt),
  ],
);

export const INVITATION_STATUSES = ["pending", "accepted", "revoked"] as const;

/** An invitation to join an organization; the link carries a secret stored only as a hash. */
export const invitations = pgTable(
  "invitations",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    /** The invited member (membership status "invited" until accepted). */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: tsz("expires_at").notNull(),
    acceptedAt: tsz("accepted_at"),
    revokedAt: tsz("revoked_at"),
    ...timestamps(),
  },
  (t) => [
    // Global: the link is all an invitee presents.
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_org_user_idx").on(t.organizationId, t.userId),
  ],
);

/** Single-use password reset links; identity-level, so not tied to one organization. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: tsz("expires_at").notNull(),
    usedAt: tsz("used_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash),
    index("password_reset_tokens_user_idx").on(t.userId),
  ],
);

/**
 * Sign-in attempts, for throttling: per account and address, per address, and per account from
 * addresses that never signed in successfully (so others can't lock a user out of their own).
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: idColumn(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    ...timestamps(),
  },
  (t) => [
    index("login_attempts_email_created_idx").on(t.email, t.createdAt),
    index("login_attempts_ip_created_idx").on(t.ip, t.createdAt),
  ],
);
