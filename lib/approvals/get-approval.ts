import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { escapeHtml } from "@/lib/email/templates/layout";
import { getApprovalRow, toApprovalDto } from "./list-approvals";

/** The message as the lead will read it: the HTML when there is one, else the text as HTML. */
export function previewHtml(content: { html: string | null; text: string }): string {
  if (content.html?.trim()) return content.html;
  return `<p>${escapeHtml(content.text).replace(/\n/g, "<br>")}</p>`;
}

/** GET /approvals/{id}: the held message, its history of edits, and a rendered preview. */
export async function getApproval(ctx: Ctx, id: string) {
  assertCan(ctx, "approvals:read");
  const row = await getApprovalRow(ctx, id);
  return {
    ...toApprovalDto(row),
    preview: { to: row.leadEmail, subject: row.subject, html: previewHtml(row) },
  };
}
