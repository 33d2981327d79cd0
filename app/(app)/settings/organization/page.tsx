import type { Metadata } from "next";
import { OrganizationSettings } from "@/components/settings/organization-settings";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { getOrganization } from "@/lib/organizations/organization";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const ctx = await requirePageCtx();
  const org = await getOrganization(ctx);
  return (
    <OrganizationSettings
      name={org.name}
      slug={org.slug}
      currency={org.currency}
      canEdit={can(ctx.role, "organization:write")}
    />
  );
}
