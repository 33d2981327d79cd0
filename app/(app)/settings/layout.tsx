import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageCtx();
  const items = [
    { href: "/settings/profile", label: "Profile" },
    { href: "/settings/organization", label: "Organization" },
    ...(can(ctx.role, "users:read") ? [{ href: "/settings/members", label: "Members" }] : []),
    // Everyone may see how leads are set up; only admins get the editing controls there.
    { href: "/settings/lead-fields", label: "Lead fields" },
    { href: "/settings/scoring", label: "Scoring" },
    { href: "/settings/email", label: "Email" },
    { href: "/settings/channels", label: "Channels" },
    { href: "/settings/ai", label: "AI" },
    { href: "/settings/approvals", label: "Approvals" },
    { href: "/settings/auto-responder", label: "Auto-responder" },
    ...(can(ctx.role, "api_keys:read") ? [{ href: "/settings/api-keys", label: "API keys" }] : []),
    ...(can(ctx.role, "email_outbox:read")
      ? [{ href: "/settings/email-outbox", label: "Email outbox" }]
      : []),
    ...(can(ctx.role, "audit_logs:read")
      ? [{ href: "/settings/audit-log", label: "Audit log" }]
      : []),
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <div className="flex flex-col gap-6 md:flex-row">
        <SettingsNav items={items} />
        <div className="min-w-0 flex-1 space-y-6">{children}</div>
      </div>
    </div>
  );
}
