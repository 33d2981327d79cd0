import type { Database } from "@/db/client";
import type { Role } from "@/db/schema";

/** Who is acting: a signed-in user, an API key, or the system itself (jobs, seeds). */
export interface Actor {
  type: "user" | "api_key" | "system";
  /** The user id or API key id; null for the system. */
  id: string | null;
  /** The user behind the action, when there is one (for API keys, their creator is not it). */
  userId: string | null;
}

/**
 * Everything a domain function needs to know about the caller. The organization comes only
 * from here — never from input — and every query a domain function runs is scoped by it.
 */
export interface Ctx {
  db: Database;
  orgId: string;
  actor: Actor;
  role: Role;
  requestId?: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** The actor of work nobody in particular did: jobs, seeds, a recipient's own clicks. */
export const SYSTEM_ACTOR: Actor = { type: "system", id: null, userId: null };

/** A context for background work (jobs, seeds, maintenance) acting for one organization. */
export function systemCtx(db: Database, orgId: string): Ctx {
  return { db, orgId, actor: SYSTEM_ACTOR, role: "owner" };
}
