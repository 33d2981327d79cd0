import type { Metadata } from "next";
import { EmailOutbox } from "@/components/settings/email-outbox";
import { requirePagePermission } from "@/lib/auth/page-session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Email outbox" };

export default async function EmailOutboxPage() {
  await requirePagePermission("email_outbox:read");
  return <EmailOutbox localMode={!env.RESEND_API_KEY} />;
}
