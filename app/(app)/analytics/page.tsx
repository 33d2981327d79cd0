import type { Metadata } from "next";
import { ManagerDashboard } from "@/components/analytics/manager-dashboard";

export const metadata: Metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return <ManagerDashboard />;
}
