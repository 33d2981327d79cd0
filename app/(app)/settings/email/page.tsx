import type { Metadata } from "next";
import { EmailSettings } from "@/components/settings/email/email-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Email" };

export default async function EmailSettingsPage() {
  const ctx = await requirePagePermission("email_settings:read");
  return <EmailSettings canManage={can(ctx.role, "email_settings:write")} />;
}
