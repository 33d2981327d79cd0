import { eq } from "drizzle-orm";
import type { z } from "zod";
import { customFieldDefinitions, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { queueEmail } from "@/lib/email/queue-email";
import { AppError } from "@/lib/errors";
import { offlineFirstLine } from "@/lib/ai/drafting/offline-first-line";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { renderTemplate, type TemplateParts } from "./render-template";
import type { previewInput, renderInput, testSendInput } from "./template-schemas";
import { AI_FIRST_LINE_VARIABLE, leadVariables, type VariableValues } from "./template-variables";
import { getTemplateOrThrow } from "./templates";
import { validateTemplate } from "./validate-template";

/**
 * Where `{{unsubscribeUrl}}` points outside a real campaign send (previews, test sends): an
 * in-page anchor, so nobody unsubscribes a lead by clicking a preview. Campaign sends will put
 * each recipient's signed one-click link here.
 */
export const PREVIEW_UNSUBSCRIBE_URL = "#unsubscribe-preview";

async function customFieldKeys(ctx: Ctx) {
  const rows = await ctx.db
    .select({ key: customFieldDefinitions.key })
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.organizationId, ctx.orgId));
  return rows.map((r) => r.key);
}

/** The sender is the caller: a member's name and address; an API key has neither. */
async function senderVariables(ctx: Ctx): Promise<VariableValues> {
  if (!ctx.actor.userId) return {};
  const [me] = await ctx.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return me ? { "sender.name": me.name, "sender.email": me.email } : {};
}

/**
 * Values for a render: the lead's (visible to the caller, else 404), the sender, overrides. A
 * campaign step's `{{aiFirstLine}}` previews as the offline opener from the lead's own fields.
 */
async function valuesFor(ctx: Ctx, leadId: string | undefined, overrides: VariableValues = {}) {
  const row = leadId ? await getLeadOrThrow(ctx, leadId) : null;
  const lead = row
    ? { ...leadVariables(row), [AI_FIRST_LINE_VARIABLE]: offlineFirstLine(row) }
    : {};
  return {
    ...lead,
    ...(await senderVariables(ctx)),
    unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL,
    ...overrides,
  };
}

async function renderWithFindings(
  ctx: Ctx,
  parts: TemplateParts,
  leadId?: string,
  overrides?: VariableValues,
) {
  const [values, keys] = await Promise.all([
    valuesFor(ctx, leadId, overrides),
    customFieldKeys(ctx),
  ]);
  return { ...renderTemplate(parts, values), findings: validateTemplate(parts, keys) };
}

export async function validateStoredTemplate(ctx: Ctx, id: string) {
  const template = await getTemplateOrThrow(ctx, id);
  const findings = validateTemplate(template, await customFieldKeys(ctx));
  return { valid: !findings.some((f) => f.level === "error"), findings };
}

export async function previewTemplate(ctx: Ctx, id: string, input: z.infer<typeof previewInput>) {
  const template = await getTemplateOrThrow(ctx, id);
  return renderWithFindings(ctx, template, input.leadId);
}

/** Render parts that aren't saved (the editor's draft), optionally for a lead. */
export async function renderDraft(ctx: Ctx, input: z.infer<typeof renderInput>) {
  assertCan(ctx, "templates:read");
  return renderWithFindings(ctx, input, input.leadId, input.variables);
}

/** Send the rendered template to the caller through the normal email pipeline (outbox first). */
export async function sendTestEmail(ctx: Ctx, id: string, input: z.infer<typeof testSendInput>) {
  assertCan(ctx, "templates:personal");
  const template = await getTemplateOrThrow(ctx, id);
  const sender = await senderVariables(ctx);
  const to = sender["sender.email"];
  if (!to) throw new AppError("forbidden", "A test email goes to a signed-in user's address");
  const rendered = renderTemplate(template, await valuesFor(ctx, input.leadId));
  const emailMessageId = await ctx.db.transaction((tx) =>
    queueEmail(tx, {
      organizationId: ctx.orgId,
      kind: "test",
      to,
      subject: `[Test] ${rendered.subject}`,
      html: rendered.html,
      text: rendered.text,
    }),
  );
  return { emailMessageId, to };
}
