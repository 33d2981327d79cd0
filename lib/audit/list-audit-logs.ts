import { and, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { ACTOR_TYPES, auditLogs } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { listRows } from "@/lib/http/list-rows";
import { pageQuerySchema } from "@/lib/http/pagination";

export const auditLogSchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    actorType: z.enum(ACTOR_TYPES),
    actorId: z.uuid().nullable(),
    changes: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditLog" });

export const listAuditLogsQuery = pageQuerySchema
  .extend({
    resourceType: z.string().max(100).optional(),
    resourceId: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
    userId: z.uuid().optional().meta({ description: "The acting user or API key" }),
    startDate: z.iso.datetime({ offset: true }).optional(),
    endDate: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const SORTABLE = { createdAt: { expr: auditLogs.createdAt, type: "date" as const } };

export async function listAuditLogs(ctx: Ctx, query: z.infer<typeof listAuditLogsQuery>) {
  assertCan(ctx, "audit_logs:read");
  const filter = and(
    eq(auditLogs.organizationId, ctx.orgId),
    query.resourceType ? eq(auditLogs.resourceType, query.resourceType) : undefined,
    query.resourceId ? eq(auditLogs.resourceId, query.resourceId) : undefined,
    query.action ? eq(auditLogs.action, query.action) : undefined,
    query.userId ? eq(auditLogs.actorId, query.userId) : undefined,
    query.startDate ? gte(auditLogs.createdAt, new Date(query.startDate)) : undefined,
    query.endDate ? lte(auditLogs.createdAt, new Date(query.endDate)) : undefined,
  );
  const page = await listRows(ctx.db, auditLogs, {
    query,
    filter,
    sortable: SORTABLE,
    defaultSort: "-createdAt",
  });
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      actorType: r.actorType,
      actorId: r.actorId,
      changes: r.changes,
      ip: r.ip,
      userAgent: r.userAgent,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
