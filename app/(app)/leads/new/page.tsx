import type { Metadata } from "next";
import { CreateLeadForm } from "@/components/leads/create/create-lead-form";
import { requirePagePermission } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "New lead" };

export default async function NewLeadPage() {
  const ctx = await requirePagePermission("leads:write");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">New lead</h1>
        <p className="text-slate-600 dark:text-slate-400">
          A name, an email or a company is enough to start. Everything else can follow.
        </p>
      </header>
      <CreateLeadForm userId={ctx.actor.userId!} />
    </div>
  );
}
