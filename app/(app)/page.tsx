import Link from "next/link";
import { MyDay } from "@/components/my-day/my-day";
import { StatusRow } from "@/components/system/status-row";
import { Card } from "@/components/ui/card";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { getHealth } from "@/lib/system/get-health";

export const dynamic = "force-dynamic";

// My day: the rep's follow-ups and fresh leads first; for admins, the installation's health below.
export default async function HomePage() {
  const ctx = await requirePageCtx();
  const member = ctx.auth.member!;
  const isAdmin = can(ctx.role, "users:write");
  const health = isAdmin ? await getHealth() : null;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          Welcome, {member.name || member.email}
        </h1>
        <p className="text-slate-600 dark:text-slate-400">{member.orgName}</p>
      </header>
      <MyDay canSeeTeam={ctx.role !== "sales_rep"} />
      {isAdmin && (
        <Card title="Get your team in" description="Invite the people who work your leads.">
          <Link
            href="/settings/members"
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Invite members →
          </Link>
        </Card>
      )}
      {health && (
        <Card title="This installation">
          <dl className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <StatusRow label="Status" value={health.status} ok={health.status === "ok"} />
            <StatusRow
              label="Database"
              value={health.database.reachable ? `${health.database.driver}` : "unreachable"}
              ok={health.database.reachable}
            />
            <StatusRow label="Jobs" value={health.jobs.engine} ok={health.jobs.reachable} />
            <StatusRow
              label="Email"
              value={health.email.mode === "resend" ? "Resend" : "local outbox"}
              ok
            />
            <StatusRow
              label="AI"
              value={health.ai.mode === "offline" ? "offline mode" : `${health.ai.provider}`}
              ok
            />
            <StatusRow label="Version" value={health.version} ok />
          </dl>
        </Card>
      )}
    </div>
  );
}
