import type { Metadata } from "next";
import { LeadsAnalytics } from "@/components/analytics/leads-analytics";

export const metadata: Metadata = { title: "Lead analytics" };

export default function LeadsAnalyticsPage() {
  return <LeadsAnalytics />;
}
