import type { Metadata } from "next";
import { TemplatesLibrary } from "@/components/templates/templates-library";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const ctx = await requirePageCtx();
  return (
    <TemplatesLibrary
      canWrite={can(ctx.role, "templates:write")}
      canStar={can(ctx.role, "templates:personal")}
    />
  );
}
