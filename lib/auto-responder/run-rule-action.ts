import { and, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import {
  autoResponderRules,
  autoResponderRuns,
  leads,
  type AutoResponderActionOutcome,
  type AutoResponderActionType,
} from "@/db/schema";
import { sendOrSubmitForApproval } from "@/lib/approvals/send-or-submit";
import { systemCtx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { addTags } from "@/lib/leads/tags";
import { updateLead } from "@/lib/leads/update-lead";
import { createNotification, notifyOrganizationAdmins } from "@/lib/notifications/notifications";
import { findSuppression } from "@/lib/suppressions/suppressions";
import { renderRuleTemplate } from "./render-rule-template";

type Outcome = Omit<AutoResponderActionOutcome, "at">;
type RunRow = typeof autoResponderRuns.$inferSelect;
type RuleRow = typeof autoResponderRules.$inferSelect;
type LeadRow = typeof leads.$inferSelect;

const done = (detail: string | null = null): Outcome => ({ outcome: "done", detail });
const skipped = (detail: string): Outcome => ({ outcome: "skipped", detail });

async function recordOutcome(
  db: Queryable,
  run: Pick<RunRow, "id" | "organizationId">,
  action: AutoResponderActionType,
  outcome: Outcome,
) {
  const value: AutoResponderActionOutcome = { ...outcome, at: new Date().toISOString() };
  await db
    .update(autoResponderRuns)
    .set({
      actions: sql`${autoResponderRuns.actions} || jsonb_build_object(${action}::text, ${JSON.stringify(value)}::jsonb)`,
    })
    .where(
      and(
        eq(autoResponderRuns.organizationId, run.organizationId),
        eq(autoResponderRuns.id, run.id),
      ),
    );
  return value;
}

async function notifyFor(
  tx: Database,
  run: RunRow,
  rule: RuleRow,
  lead: LeadRow,
): Promise<Outcome> {
  const { notify } = rule.actions;
  const base = {
    organizationId: run.organizationId,
    type: "auto_responder",
    title: `${lead.displayName} replied (${run.category.replaceAll("_", " ")})`,
    body: `Auto-responder rule “${rule.name}” matched the reply.`,
    link: `/conversations?lead=${lead.id}`,
    data: { leadId: lead.id, messageId: run.messageId, ruleId: rule.id, runId: run.id },
  };
  const people = new Set(notify.userIds);
  if (notify.owner && lead.ownerId) people.add(lead.ownerId);
  let sent = 0;
  for (const userId of people) {
    if (
      await createNotification(tx, {
        ...base,
        userId,
        dedupeKey: `auto-responder:${run.id}:${userId}`,
      })
    )
      sent++;
  }
  if (notify.admins) {
    sent += await notifyOrganizationAdmins(tx, {
      ...base,
      dedupeKey: `auto-responder:${run.id}:admins`,
    });
  }
  if (notify.owner && !lead.ownerId && !notify.admins && people.size === 0)
    return skipped("The lead has no owner to notify");
  return done(`${sent} notified`);
}

async function sendTemplate(
  tx: Database,
  run: RunRow,
  rule: RuleRow,
  lead: LeadRow,
): Promise<Outcome> {
  // Checked here, not only by the sender, so the log says why nothing went out.
  if (lead.unsubscribed) return skipped("The lead unsubscribed");
  if (lead.doNotContact) return skipped("The lead is marked do not contact");
  if (!lead.email) return skipped("The lead has no email address");
  if (await findSuppression(tx, run.organizationId, lead.email))
    return skipped("The lead's address is on the suppression list");
  const rendered = await renderRuleTemplate(tx, {
    organizationId: run.organizationId,
    templateId: rule.actions.sendTemplateId!,
    lead,
    replyToMessageId: run.messageId,
  });
  if (!rendered) return skipped("The template no longer exists");
  const result = await sendOrSubmitForApproval(systemCtx(tx, run.organizationId), {
    leadId: lead.id,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    source: "auto_responder",
    aiDrafted: false,
    autoResponderRuleId: rule.id,
  });
  return result.status === "sent"
    ? done(`Sent “${rendered.subject}” (message ${result.messageId})`)
    : { outcome: "pending_approval", detail: `Waiting for approval ${result.approvalId}` };
}

async function perform(
  tx: Database,
  action: AutoResponderActionType,
  run: RunRow,
  rule: RuleRow,
  lead: LeadRow,
): Promise<Outcome> {
  const ctx = systemCtx(tx, run.organizationId);
  switch (action) {
    case "set_status": {
      const status = rule.actions.setStatus;
      if (!status) return skipped("The rule no longer sets a status");
      if (lead.status === status) return done(`Already ${status}`);
      await updateLead(ctx, lead.id, { status });
      return done(`Status ${lead.status} → ${status}`);
    }
    case "set_owner": {
      const ownerId = rule.actions.setOwnerId;
      if (!ownerId) return skipped("The rule no longer sets an owner");
      if (lead.ownerId === ownerId) return done("Already the owner");
      await updateLead(ctx, lead.id, { ownerId });
      return done(`Owner set to ${ownerId}`);
    }
    case "add_tags": {
      if (!rule.actions.addTags.length) return skipped("The rule no longer adds tags");
      await addTags(ctx, lead.id, rule.actions.addTags);
      return done(rule.actions.addTags.join(", "));
    }
    case "notify":
      return notifyFor(tx, run, rule, lead);
    case "send_template":
      if (!rule.actions.sendTemplateId) return skipped("The rule no longer sends a template");
      return sendTemplate(tx, run, rule, lead);
  }
}

/**
 * One action of one rule run, at most once: the outcome is written in the same transaction as the
 * action's own changes, so a retry finds it and does nothing (and a crash leaves neither). An
 * action the domain refuses (a status since removed, a lead nobody may email) is recorded as
 * failed with the reason instead of failing the job. Rules deleted or disabled since the match
 * don't act.
 */
export async function runRuleAction(
  db: Database,
  input: { organizationId: string; runId: string; action: AutoResponderActionType },
): Promise<AutoResponderActionOutcome> {
  const { organizationId, runId, action } = input;
  try {
    return await db.transaction(async (tx) => {
      const [run] = await tx
        .select()
        .from(autoResponderRuns)
        .where(
          and(
            eq(autoResponderRuns.organizationId, organizationId),
            eq(autoResponderRuns.id, runId),
          ),
        )
        .limit(1)
        .for("update");
      if (!run)
        return {
          outcome: "skipped",
          detail: "The run no longer exists",
          at: new Date().toISOString(),
        };
      const previous = run.actions[action];
      if (previous) return previous;
      const [rule] = run.ruleId
        ? await tx
            .select()
            .from(autoResponderRules)
            .where(
              and(
                eq(autoResponderRules.organizationId, organizationId),
                eq(autoResponderRules.id, run.ruleId),
              ),
            )
        : [];
      const [lead] = await tx
        .select()
        .from(leads)
        .where(and(eq(leads.organizationId, organizationId), eq(leads.id, run.leadId)));
      let outcome: Outcome;
      if (!rule) outcome = skipped("The rule was deleted");
      else if (!rule.enabled) outcome = skipped("The rule was disabled");
      else if (!lead || lead.deletedAt) outcome = skipped("The lead was deleted");
      else outcome = await perform(tx as unknown as Database, action, run, rule, lead);
      return recordOutcome(tx, run, action, outcome);
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    log.info("auto-responder action refused", {
      organizationId,
      runId,
      action,
      error: error.message,
    });
    return db.transaction(async (tx) => {
      const [run] = await tx
        .select()
        .from(autoResponderRuns)
        .where(
          and(
            eq(autoResponderRuns.organizationId, organizationId),
            eq(autoResponderRuns.id, runId),
          ),
        )
        .limit(1)
        .for("update");
      if (!run) return { outcome: "failed", detail: error.message, at: new Date().toISOString() };
      return (
        run.actions[action] ??
        recordOutcome(tx, run, action, {
          outcome: "failed",
          detail: `${error.code}: ${error.message}`,
        })
      );
    });
  }
}
