import type { Metadata } from "next";
import { ReportsScreen } from "@/components/reports/reports-screen";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const ctx = await requirePageCtx();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <ReportsScreen canWrite={can(ctx.role, "reports:write")} />
    </div>
  );
}
