import type { Metadata } from "next";
import { ListingsAnalytics } from "@/components/analytics/listings-analytics";

export const metadata: Metadata = { title: "Listing price trends" };

export default function ListingsAnalyticsPage() {
  return <ListingsAnalytics />;
}
