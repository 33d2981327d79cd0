import type { Metadata } from "next";
import { CampaignsAnalytics } from "@/components/analytics/campaigns-analytics";

export const metadata: Metadata = { title: "Campaign analytics" };

export default function CampaignsAnalyticsPage() {
  return <CampaignsAnalytics />;
}
