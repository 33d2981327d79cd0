import type { Metadata } from "next";
import { ChannelSettings } from "@/components/settings/channels/channel-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelSettingsPage() {
  const ctx = await requirePagePermission("organization:read");
  return <ChannelSettings canManage={can(ctx.role, "organization:write")} />;
}
