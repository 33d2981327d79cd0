import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportsScreen } from "@/components/reports/reports-screen";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Report" };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageCtx();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <ReportsScreen reportId={id} canWrite={can(ctx.role, "reports:write")} />
    </div>
  );
}
