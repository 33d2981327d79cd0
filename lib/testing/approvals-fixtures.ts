import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { approvalRules, approvals } from "@/db/schema";
import { createApproval } from "@/lib/approvals/create-approval";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** A disabled rule: it exists to be edited, never holds anything by itself. */
export async function approvalRuleFixture(
  org: TestOrg,
  extra: Partial<typeof approvalRules.$inferInsert> = {},
) {
  const db = await getDb();
  const [rule] = await db
    .insert(approvalRules)
    .values({
      organizationId: org.id,
      name: `Rule ${newId().slice(-6)}`,
      enabled: false,
      trigger: "all_messages",
      ...extra,
    })
    .returning();
  return rule!;
}

/** A pending reply approval on an unassigned lead (every role sees it), due in a day. */
export async function pendingApprovalFixture(
  org: TestOrg,
  options: { ownerId?: string | null } = {},
) {
  const db = await getDb();
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Held",
    email: `held-${newId().slice(-12)}@example.test`,
    ownerId: options.ownerId ?? null,
  });
  const rule = await approvalRuleFixture(org);
  const id = await createApproval(db, {
    organizationId: org.id,
    kind: "reply",
    source: "ai_reply",
    leadId: lead.id,
    content: { subject: "Re: pricing", html: null, text: "Here are our prices." },
    aiDrafted: true,
    mode: "offline",
    positiveReply: false,
    rule,
    reason: `${rule.name}: holds every message`,
  });
  return { id, leadId: lead.id, ruleId: rule.id };
}

async function approvalState(_org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  return db.select().from(approvals).where(eq(approvals.id, call.params!.id!));
}

async function ruleState(_org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  return db.select().from(approvalRules).where(eq(approvalRules.id, call.params!.id!));
}

const held = (body?: Record<string, unknown>) => ({
  prepare: async (org: TestOrg): Promise<PreparedCall> => ({
    params: { id: (await pendingApprovalFixture(org)).id },
    body,
  }),
  snapshot: approvalState,
});

const ruleBody = { name: "Every AI draft", trigger: "ai_drafted", timeoutHours: 12 };
const rule = (body?: Record<string, unknown>) => ({
  prepare: async (org: TestOrg): Promise<PreparedCall> => ({
    params: { id: (await approvalRuleFixture(org)).id },
    body,
  }),
  snapshot: ruleState,
});

/** How to call the approval routes (see OPERATION_FIXTURES). */
export const APPROVALS_FIXTURES: Record<string, OperationFixture> = {
  "GET /api/v1/approvals/{id}": held(),
  "PATCH /api/v1/approvals/{id}": held({ text: "Here are our prices, and a discount." }),
  "POST /api/v1/approvals/{id}/approve": held({ subject: "Re: our pricing" }),
  "POST /api/v1/approvals/{id}/reject": held({ reason: "Not the right tone" }),
  "POST /api/v1/approvals/{id}/request-changes": held({ note: "Mention the trial" }),
  "POST /api/v1/approvals/{id}/delegate": {
    prepare: async (org) => ({
      params: { id: (await pendingApprovalFixture(org)).id },
      body: { userId: org.members.manager.id },
    }),
    snapshot: approvalState,
  },
  "POST /api/v1/approvals/rules": {
    prepare: async () => ({ body: { ...ruleBody, enabled: false } }),
  },
  "PUT /api/v1/approvals/rules/{id}": rule({ ...ruleBody, enabled: false }),
  "DELETE /api/v1/approvals/rules/{id}": rule(),
  "PATCH /api/v1/approvals/rules/{id}/toggle": rule({ enabled: false }),
  "POST /api/v1/approvals/rules/test": {
    prepare: async () => ({ body: { aiDrafted: true, firstMessage: true } }),
  },
};
