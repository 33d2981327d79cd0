import type { Metadata } from "next";
import { AutoResponderSettings } from "@/components/settings/auto-responder/auto-responder-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Auto-responder" };

export default async function AutoResponderSettingsPage() {
  const ctx = await requirePagePermission("auto_responder:read");
  return <AutoResponderSettings canManage={can(ctx.role, "auto_responder:write")} />;
}
