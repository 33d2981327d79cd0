import type { Metadata } from "next";
import Link from "next/link";
import { TemplateEditor } from "@/components/templates/template-editor";
import { Alert } from "@/components/ui/alert";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Template" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The template loads in the browser through the API; the server only decides what the role may do.
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, ctx] = await Promise.all([params, requirePageCtx()]);
  if (!UUID.test(id)) {
    return (
      <div className="space-y-3">
        <Alert tone="error">Template not found.</Alert>
        <Link
          href="/templates"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-500"
        >
          Back to templates
        </Link>
      </div>
    );
  }
  return (
    <TemplateEditor
      key={id}
      id={id}
      canWrite={can(ctx.role, "templates:write")}
      canStar={can(ctx.role, "templates:personal")}
    />
  );
}
