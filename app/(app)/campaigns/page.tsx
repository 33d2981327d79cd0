import type { Metadata } from "next";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const ctx = await requirePagePermission("campaigns:read");
  return <CampaignsList canWrite={can(ctx.role, "campaigns:write")} />;
}
