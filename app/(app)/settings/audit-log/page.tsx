import type { Metadata } from "next";
import { AuditLog } from "@/components/settings/audit-log";
import { requirePagePermission } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  await requirePagePermission("audit_logs:read");
  return <AuditLog />;
}
