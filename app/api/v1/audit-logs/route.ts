import { auditLogSchema, listAuditLogs, listAuditLogsQuery } from "@/lib/audit/list-audit-logs";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/audit-logs — who changed what, when, from where
export const GET = route(
  {
    summary: "List audit log entries",
    tags: ["Audit"],
    auth: "audit_logs:read",
    query: listAuditLogsQuery,
    responses: {
      200: { description: "Entries, newest first", schema: listSchema(auditLogSchema) },
    },
  },
  async ({ ctx, query }) => listResponse(await listAuditLogs(ctx, query)),
);
