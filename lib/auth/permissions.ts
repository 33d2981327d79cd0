import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

const HUMANS = ["owner", "admin", "manager", "sales_rep"] as const satisfies readonly Role[];
const ADMINS = ["owner", "admin"] as const satisfies readonly Role[];
const EVERYONE = [...HUMANS, "integration"] as const satisfies readonly Role[];

/**
 * The one permission table: `resource:action` → the roles that hold it. Checked by the route
 * wrapper before a handler runs and again inside domain functions; anything not listed is denied.
 * Finer, row-level rules (a rep sees own + unassigned leads, a manager their team's) live in the
 * domain functions of each resource.
 */
export const PERMISSIONS = {
  "auth:me": EVERYONE,
  /** Changing one's own profile or session: people only (an API key has neither). */
  "profile:write": HUMANS,
  "organization:read": EVERYONE,
  "organization:write": ADMINS,
  "users:read": HUMANS,
  "users:write": ADMINS,
  "api_keys:read": ADMINS,
  "api_keys:write": ADMINS,
  "audit_logs:read": ADMINS,
  "email_outbox:read": ADMINS,
  // Leads: which leads a role sees (own/team/all) is decided in lib/leads/visibility.ts.
  "leads:read": EVERYONE,
  "leads:write": EVERYONE,
  "leads:delete": ["owner", "admin", "manager", "integration"],
  "leads:import": EVERYONE,
  "leads:export": EVERYONE,
  "leads:score_override": ["owner", "admin", "manager"],
  "lead_options:write": ADMINS,
  "scoring_rules:write": ADMINS,
  "reminders:read": EVERYONE,
  "reminders:write": EVERYONE,
  "notifications:read": HUMANS,
  /** Saved views belong to a person: an API key has none to keep. */
  "saved_views:manage": HUMANS,
  // Templates are shared by the whole organization; reps write them too.
  "templates:read": EVERYONE,
  "templates:write": EVERYONE,
  /** Favorites and test sends belong to a person (a test goes to the caller's own address). */
  "templates:personal": HUMANS,
  /** Everyone picks a mailbox to send from; admins set them up. */
  "mailboxes:read": EVERYONE,
  "mailboxes:write": ADMINS,
  "email_settings:read": EVERYONE,
  "email_settings:write": ADMINS,
  /**
   * Campaigns are shared by the organization; anyone may build and run one, but only leads they
   * can see are ever added (lead visibility applies when adding recipients).
   */
  "campaigns:read": EVERYONE,
  "campaigns:write": EVERYONE,
  /** A campaign test send goes to the caller's own address: people only (like template tests). */
  "campaigns:test_send": HUMANS,
  /**
   * Conversations follow their lead: whoever sees a lead (lib/leads/visibility.ts) reads and
   * answers its conversation; the unmatched inbox is everyone's to sort.
   */
  "conversations:read": EVERYONE,
  "conversations:write": EVERYONE,
  /** The do-not-email list: everyone sees why an address is excluded; admins edit it. */
  "suppressions:read": EVERYONE,
  "suppressions:write": ADMINS,
  /** Everyone may see which AI provider is active; admins choose it, hold its key and budget. */
  "ai_settings:read": EVERYONE,
  "ai_settings:write": ADMINS,
  /** Everyone sees the approval queue (reps follow their held messages); managers and up decide. */
  "approvals:read": EVERYONE,
  "approvals:decide": ["owner", "admin", "manager"],
  "approvals:rules": ADMINS,
  /** Everyone sees what the auto-responder does to replies; admins and managers set its rules. */
  "auto_responder:read": EVERYONE,
  "auto_responder:write": ["owner", "admin", "manager"],
  /** Everyone reads what the organization sells; admins and managers describe it (chat, edits). */
  "product_context:read": EVERYONE,
  "product_context:write": ["owner", "admin", "manager"],
  /** Everyone reads analytics; whose numbers (own, team, all) is decided by resolveAnalyticsScope. */
  "analytics:read": EVERYONE,
  /** Everyone runs and reads reports (within what they may see); people save and schedule them. */
  "reports:read": EVERYONE,
  "reports:write": HUMANS,
  /** What the organization sells one by one (listings): everyone reads and edits them. */
  "listings:read": EVERYONE,
  "listings:write": ["owner", "admin", "manager", "sales_rep", "integration"],
  /** Calls are logged by whoever made them, or by an integration (a phone system) naming them. */
  "calls:write": EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(ctx: { role: Role }, permission: Permission): void {
  if (!can(ctx.role, permission)) {
    throw new AppError("forbidden", `Your role (${ctx.role}) may not do this (${permission}).`);
  }
}

/** Roles ordered by power, for "you may not grant more than you have" checks. */
const RANK: Record<Role, number> = { owner: 4, admin: 3, manager: 2, sales_rep: 1, integration: 0 };

export function outranksOrEquals(actor: Role, target: Role): boolean {
  return RANK[actor] >= RANK[target];
}
