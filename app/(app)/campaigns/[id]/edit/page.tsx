import type { Metadata } from "next";
import { CampaignBuilder } from "@/components/campaigns/builder/campaign-builder";
import { requirePagePermission } from "@/lib/auth/page-session";
import { CampaignNotFound, UUID } from "../../campaign-not-found";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }] = await Promise.all([params, requirePagePermission("campaigns:write")]);
  if (!UUID.test(id)) return <CampaignNotFound />;
  return <CampaignBuilder key={id} id={id} />;
}
