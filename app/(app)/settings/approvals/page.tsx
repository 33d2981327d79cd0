import type { Metadata } from "next";
import { ApprovalRulesSettings } from "@/components/settings/approvals/approval-rules-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalSettingsPage() {
  const ctx = await requirePagePermission("approvals:read");
  return <ApprovalRulesSettings canManage={can(ctx.role, "approvals:rules")} />;
}
