import type { Metadata } from "next";
import { ReviewQueue } from "@/components/conversations/review-queue";
import { requirePagePermission } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requirePagePermission("conversations:read");
  return <ReviewQueue />;
}
