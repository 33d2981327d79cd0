import type { Metadata } from "next";
import { Suspense } from "react";
import { LeadsTable } from "@/components/leads/table/leads-table";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage() {
  const ctx = await requirePageCtx();
  return (
    // The table reads its state from the URL (useSearchParams), which needs a Suspense boundary.
    <Suspense>
      <LeadsTable canDelete={can(ctx.role, "leads:delete")} />
    </Suspense>
  );
}
