import type { Metadata } from "next";
import { TemplateEditor } from "@/components/templates/template-editor";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  const ctx = await requirePagePermission("templates:write");
  return <TemplateEditor canWrite canStar={can(ctx.role, "templates:personal")} />;
}
