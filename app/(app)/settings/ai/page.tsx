import type { Metadata } from "next";
import { AiSettings } from "@/components/settings/ai/ai-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "AI" };

export default async function AiSettingsPage() {
  const ctx = await requirePagePermission("ai_settings:read");
  return <AiSettings canManage={can(ctx.role, "ai_settings:write")} />;
}
