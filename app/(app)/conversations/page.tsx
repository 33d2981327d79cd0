import type { Metadata } from "next";
import { Suspense } from "react";
import { Inbox } from "@/components/conversations/inbox";
import { requirePagePermission } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Conversations" };

export default async function ConversationsPage() {
  await requirePagePermission("conversations:read");
  // The inbox reads its selected thread from the query string on the client.
  return (
    <Suspense>
      <Inbox />
    </Suspense>
  );
}
