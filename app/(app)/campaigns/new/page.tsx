import type { Metadata } from "next";
import { CampaignBuilder } from "@/components/campaigns/builder/campaign-builder";
import { requirePagePermission } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  await requirePagePermission("campaigns:write");
  return <CampaignBuilder />;
}
