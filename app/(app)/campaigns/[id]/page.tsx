import type { Metadata } from "next";
import { CampaignDetail } from "@/components/campaigns/detail/campaign-detail";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { CampaignNotFound, UUID } from "../campaign-not-found";

export const metadata: Metadata = { title: "Campaign" };

// The campaign loads in the browser through the API; the server only decides what the role may do.
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, ctx] = await Promise.all([params, requirePagePermission("campaigns:read")]);
  if (!UUID.test(id)) return <CampaignNotFound />;
  return <CampaignDetail key={id} id={id} canWrite={can(ctx.role, "campaigns:write")} />;
}
