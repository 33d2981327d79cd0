import { AppShell } from "@/components/shell/app-shell";
import { Providers } from "@/components/providers";
import { activeMemberships } from "@/lib/auth/memberships";
import { requirePageCtx } from "@/lib/auth/page-session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageCtx();
  const member = ctx.auth.member!;
  const orgs = await activeMemberships(ctx.db, member.userId);
  return (
    <Providers>
      <AppShell
        user={{ name: member.name, email: member.email, role: member.role, orgId: member.orgId }}
        organizations={orgs.map((o) => ({ id: o.orgId, name: o.orgName, role: o.role }))}
      >
        {children}
      </AppShell>
    </Providers>
  );
}
