import type { Metadata } from "next";
import { RevenueAnalytics } from "@/components/analytics/revenue-analytics";

export const metadata: Metadata = { title: "Revenue analytics" };

export default function RevenueAnalyticsPage() {
  return <RevenueAnalytics />;
}
