import type { Metadata } from "next";
import { LeadFieldsSettings } from "@/components/settings/lead-fields/lead-fields-settings";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Lead fields" };

export default async function LeadFieldsPage() {
  const ctx = await requirePageCtx();
  return <LeadFieldsSettings canEdit={can(ctx.role, "lead_options:write")} />;
}
