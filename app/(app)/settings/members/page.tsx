import type { Metadata } from "next";
import { MembersSettings } from "@/components/settings/members-settings";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requirePagePermission("users:read");
  return (
    <MembersSettings
      canManage={can(ctx.role, "users:write")}
      isOwner={ctx.role === "owner"}
      selfId={ctx.actor.userId!}
    />
  );
}
