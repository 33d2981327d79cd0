import { and, count, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  campaignRecipients,
  customFieldDefinitions,
  emailTemplates,
  LIVE_RECIPIENT_STATES,
  mailboxes,
} from "@/db/schema";
import { AppError, type FieldError } from "@/lib/errors";
import { validateTemplate } from "@/lib/templates/validate-template";
import type { CampaignRow } from "./campaign-dto";
import { variantContent } from "./variant-content";

/** Every email of every step renders: templates exist, no unknown variables or broken links. */
async function renderErrors(db: Queryable, row: CampaignRow): Promise<FieldError[]> {
  const templateIds = [
    ...new Set(row.steps.flatMap((s) => s.variants.flatMap((v) => v.templateId ?? []))),
  ];
  // One after the other: inside a PGlite transaction queries share one connection.
  const templates = templateIds.length
    ? await db
        .select()
        .from(emailTemplates)
        .where(
          and(
            eq(emailTemplates.organizationId, row.organizationId),
            inArray(emailTemplates.id, templateIds),
          ),
        )
    : [];
  const fields = await db
    .select({ key: customFieldDefinitions.key })
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.organizationId, row.organizationId));
  const byId = new Map(templates.map((t) => [t.id, t]));
  const keys = fields.map((f) => f.key);
  const errors: FieldError[] = [];
  row.steps.forEach((step, i) =>
    step.variants.forEach((v, j) => {
      const at = `steps[${i}].variants[${j}]`;
      const template = v.templateId ? byId.get(v.templateId) : null;
      if (v.templateId && !template) {
        errors.push({ path: `${at}.templateId`, message: "The template no longer exists" });
        return;
      }
      for (const f of validateTemplate(variantContent(v, template), keys)) {
        if (f.level === "error") errors.push({ path: `${at}.${f.part}`, message: f.message });
      }
    }),
  );
  return errors;
}

/** Whether the campaign has a mailbox to send from: one of its own, or the organization default. */
async function hasMailbox(db: Queryable, row: CampaignRow): Promise<boolean> {
  const [found] = await db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(
      and(
        eq(mailboxes.organizationId, row.organizationId),
        eq(mailboxes.status, "active"),
        row.mailboxIds.length
          ? inArray(mailboxes.id, row.mailboxIds)
          : eq(mailboxes.isDefault, true),
      ),
    )
    .limit(1);
  return Boolean(found);
}

async function liveRecipients(db: Queryable, row: CampaignRow): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, row.organizationId),
        eq(campaignRecipients.campaignId, row.id),
        inArray(campaignRecipients.state, [...LIVE_RECIPIENT_STATES]),
      ),
    );
  return Number(r?.n ?? 0);
}

/**
 * What must hold before a campaign sends (launch, schedule, resume): at least one step, someone
 * to send to, every email renderable — a 422 listing each problem — and a mailbox (422
 * `no_mailbox`), so a campaign never goes live only to fail at its first send.
 */
export async function assertLaunchable(
  db: Queryable,
  row: CampaignRow,
  options: { needRecipients: boolean },
): Promise<void> {
  const errors: FieldError[] = [];
  if (row.steps.length === 0) errors.push({ path: "steps", message: "Add at least one step" });
  if (options.needRecipients && (await liveRecipients(db, row)) === 0) {
    errors.push({ path: "recipients", message: "Add at least one recipient" });
  }
  errors.push(...(await renderErrors(db, row)));
  if (errors.length) {
    throw new AppError(
      "unprocessable",
      `The campaign can't send yet: ${errors
        .slice(0, 3)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; ")}`,
      { errors },
    );
  }
  if (!(await hasMailbox(db, row))) {
    throw new AppError(
      "no_mailbox",
      row.mailboxIds.length
        ? "None of the campaign's mailboxes can send (removed or paused)."
        : "There is no mailbox to send from: add one in Settings → Email or pick one for the campaign.",
      { errors: [{ path: "mailboxIds", message: "No mailbox to send from" }] },
    );
  }
}
