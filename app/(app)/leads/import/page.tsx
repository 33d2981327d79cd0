import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/leads/import/import-wizard";
import { RecentImports } from "@/components/leads/import/recent-imports";
import { requirePagePermission } from "@/lib/auth/page-session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Import leads" };

export default async function ImportLeadsPage() {
  await requirePagePermission("leads:import");
  return (
    <div className="space-y-6">
      <div>
        <Link href="/leads" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
          ← Leads
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Import leads</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Bring leads in from a CSV file. Rows are matched on email, so importing the same file
          twice never creates duplicates.
        </p>
      </div>
      <ImportWizard maxBytes={env.IMPORT_MAX_BYTES} />
      <RecentImports />
    </div>
  );
}
