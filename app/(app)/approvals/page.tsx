import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/approvals/approval-queue";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const ctx = await requirePagePermission("approvals:read");
  return <ApprovalQueue canDecide={can(ctx.role, "approvals:decide")} userId={ctx.actor.userId} />;
}
