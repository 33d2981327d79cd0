import type { Queryable } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Ctx } from "@/lib/context";

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Actor and request metadata (ip, user agent, request id) come from the context. */
export type AuditCtx = Pick<Ctx, "orgId" | "actor"> &
  Partial<Pick<Ctx, "ip" | "userAgent" | "requestId">>;

/**
 * Append to the audit log, in the caller's transaction so the entry exists exactly when the
 * change does.
 */
export async function recordAudit(db: Queryable, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values({
    organizationId: ctx.orgId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    changes: entry.changes ?? null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    requestId: ctx.requestId ?? null,
  });
}

/** Field-level before/after for an update, listing only what actually changed. */
export function diffChanges<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
