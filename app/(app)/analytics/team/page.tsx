import type { Metadata } from "next";
import { TeamAnalytics } from "@/components/analytics/team-analytics";

export const metadata: Metadata = { title: "Team analytics" };

export default function TeamAnalyticsPage() {
  return <TeamAnalytics />;
}
