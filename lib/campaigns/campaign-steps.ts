import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import {
  campaignRecipients,
  emailTemplates,
  mailboxes,
  memberships,
  type CampaignStep,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { AppError, type FieldError } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import type { stepInput } from "./campaign-schemas";

export type StepInput = z.output<typeof stepInput>;

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * Steps as stored: given ids are kept, new steps and variants get fresh ones, unnamed variants are
 * labelled A, B, C… Steps some recipient has already been sent keep their place: there the id may
 * be left out (the step is edited in place) but not changed, and there must still be at least as
 * many steps — otherwise a lead's "next step" would silently point at a different email.
 */
export function buildSteps(
  input: StepInput[],
  current: CampaignStep[],
  sentSteps: number,
): CampaignStep[] {
  if (input.length < sentSteps) {
    throw new AppError(
      "conflict",
      `Recipients have already been sent ${sentSteps} step(s); those steps can't be removed.`,
      { extra: { sentSteps } },
    );
  }
  const steps = input.map((step, i): CampaignStep => {
    const sent = i < sentSteps ? current[i] : undefined;
    if (sent && step.id && step.id !== sent.id) {
      throw new AppError(
        "conflict",
        `Step ${i + 1} has already been sent; steps that went out can't be reordered or replaced.`,
        { extra: { sentSteps }, errors: [{ path: `steps[${i}].id`, message: "Already sent" }] },
      );
    }
    return {
      id: sent?.id ?? step.id ?? newId(),
      delayDays: step.delayDays,
      delayHours: step.delayHours,
      variants: step.variants.map((v, j) => ({
        id: v.id ?? newId(),
        label: v.label || letter(j),
        weight: v.weight,
        templateId: v.templateId ?? null,
        subject: v.subject,
        html: v.html,
        text: v.text || null,
      })),
      ...(step.ai && step.ai.personalize !== "off"
        ? { ai: { personalize: step.ai.personalize, instructions: step.ai.instructions || null } }
        : {}),
    };
  });
  const errors: FieldError[] = [];
  const stepIds = new Set<string>();
  steps.forEach((step, i) => {
    if (stepIds.has(step.id)) errors.push({ path: `steps[${i}].id`, message: "Used twice" });
    stepIds.add(step.id);
    const variantIds = new Set<string>();
    step.variants.forEach((v, j) => {
      if (variantIds.has(v.id)) {
        errors.push({ path: `steps[${i}].variants[${j}].id`, message: "Used twice" });
      }
      variantIds.add(v.id);
    });
  });
  if (errors.length) throw validationError(errors);
  return steps;
}

/** Copies of steps with fresh step and variant ids (a duplicated campaign shares no ids). */
export function withFreshIds(steps: CampaignStep[]): CampaignStep[] {
  return steps.map((s) => ({
    ...s,
    id: newId(),
    variants: s.variants.map((v) => ({ ...v, id: newId() })),
  }));
}

/** How many leading steps have gone out to at least one recipient of the campaign. */
export async function sentStepCount(db: Queryable, orgId: string, campaignId: string) {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${campaignRecipients.nextStepIndex}), 0)::int` })
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, orgId),
        eq(campaignRecipients.campaignId, campaignId),
      ),
    );
  return Number(row?.n ?? 0);
}

async function existing(
  db: Queryable,
  ids: string[],
  query: (ids: string[]) => Promise<{ id: string }[]>,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await query([...new Set(ids)])).map((r) => r.id));
}

/**
 * Everything a campaign points at must be the organization's own: its mailboxes, the templates
 * its variants use, and its owner (a member who can own work). Unknown ones are a 422 naming
 * each field, so another organization's ids are indistinguishable from made-up ones.
 */
export async function checkReferences(
  db: Queryable,
  orgId: string,
  refs: { mailboxIds?: string[]; steps?: CampaignStep[]; ownerId?: string | null },
): Promise<void> {
  const mailboxIds = refs.mailboxIds ?? [];
  const templateUses = (refs.steps ?? []).flatMap((s, i) =>
    s.variants.flatMap((v, j) =>
      v.templateId ? [{ id: v.templateId, path: `steps[${i}].variants[${j}].templateId` }] : [],
    ),
  );
  const [foundMailboxes, foundTemplates, foundOwner] = [
    await existing(db, mailboxIds, (ids) =>
      db
        .select({ id: mailboxes.id })
        .from(mailboxes)
        .where(and(eq(mailboxes.organizationId, orgId), inArray(mailboxes.id, ids))),
    ),
    await existing(
      db,
      templateUses.map((t) => t.id),
      (ids) =>
        db
          .select({ id: emailTemplates.id })
          .from(emailTemplates)
          .where(and(eq(emailTemplates.organizationId, orgId), inArray(emailTemplates.id, ids))),
    ),
    await existing(db, refs.ownerId ? [refs.ownerId] : [], (ids) =>
      db
        .select({ id: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, orgId),
            inArray(memberships.userId, ids),
            inArray(memberships.status, ["active", "invited"]),
            sql`${memberships.role} <> 'integration'`,
          ),
        ),
    ),
  ];
  const errors: FieldError[] = [];
  mailboxIds.forEach((id, i) => {
    if (!foundMailboxes.has(id))
      errors.push({ path: `mailboxIds[${i}]`, message: "No such mailbox" });
  });
  for (const t of templateUses) {
    if (!foundTemplates.has(t.id)) errors.push({ path: t.path, message: "No such template" });
  }
  if (refs.ownerId && !foundOwner.has(refs.ownerId)) {
    errors.push({ path: "ownerId", message: "Not a member of this organization" });
  }
  if (errors.length) {
    throw new AppError("unprocessable", errors.map((e) => `${e.path}: ${e.message}`).join("; "), {
      errors,
    });
  }
}
