import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { aiSettings } from "@/db/schema";
import { notifyOrganizationAdmins } from "@/lib/notifications/notifications";
import { tokensThisMonth } from "./org-model";

/**
 * Call after recording an AI call's usage: once the month's tokens reach the organization's
 * budget, its owners and admins are told — once per month, whoever records the crossing call
 * (the dedupe key names the month), since from then on every call runs offline until the month
 * ends or the budget is raised. Returns whether the organization is over its budget.
 */
export async function noteBudgetCrossing(
  db: Queryable,
  organizationId: string,
  now = new Date(),
): Promise<boolean> {
  const [settings] = await db
    .select({ budget: aiSettings.monthlyTokenBudget })
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId))
    .limit(1);
  const budget = settings?.budget ?? null;
  if (budget === null) return false;
  const used = await tokensThisMonth(db, organizationId, now);
  if (used < budget) return false;
  const month = now.toISOString().slice(0, 7);
  await notifyOrganizationAdmins(db, {
    organizationId,
    type: "ai_budget_exceeded",
    title: "The monthly AI token budget is used up",
    body: `${used.toLocaleString("en")} of ${budget.toLocaleString("en")} tokens this month. AI calls run in offline mode (built-in classifier and template drafts) until next month or until the budget is raised in Settings → AI.`,
    link: "/settings/ai",
    data: { used, budget, month },
    dedupeKey: `ai-budget:${organizationId}:${month}`,
  });
  return true;
}
