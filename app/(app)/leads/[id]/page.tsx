import type { Metadata } from "next";
import { LeadPage } from "@/components/leads/detail/lead-page";
import { LeadNotFound } from "@/components/leads/detail/lead-not-found";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Lead" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The lead itself loads in the browser through the API; the server only decides what the role may do.
export default async function LeadDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, ctx] = await Promise.all([params, requirePageCtx()]);
  if (!UUID.test(id)) return <LeadNotFound />;
  return (
    <LeadPage
      key={id}
      id={id}
      perms={{
        userId: ctx.actor.userId!,
        canDelete: can(ctx.role, "leads:delete"),
        canOverrideScore: can(ctx.role, "leads:score_override"),
        canEditAnyNote: ctx.role === "owner" || ctx.role === "admin",
      }}
    />
  );
}
