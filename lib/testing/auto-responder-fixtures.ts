import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { autoResponderRules } from "@/db/schema";
import { createRule } from "@/lib/auto-responder/rules";
import type { RuleInput } from "@/lib/auto-responder/rule-schemas";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createTemplate } from "@/lib/templates/templates";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/** A rule body that acts on interested replies: a status, a tag and a note to the owner. */
export function ruleBody(patch: Partial<RuleInput> = {}): Record<string, unknown> {
  return {
    name: `Interested ${newId().slice(-6)}`,
    conditions: { categories: ["interested"] },
    actions: {
      setStatus: "qualified",
      addTags: ["replied-interested"],
      notify: { owner: true, admins: false, userIds: [] },
    },
    ...patch,
  };
}

/** A template greeting the lead by first name, for send actions. */
export async function replyTemplate(org: TestOrg) {
  return createTemplate(org.ctx("owner"), {
    name: `Thanks ${newId().slice(-6)}`,
    subject: "Thanks, {{firstName|there}}",
    html: "<p>Hi {{firstName|there}}, here is our pricing sheet.</p>",
  });
}

/** The organization's first mailbox becomes its default: somewhere for auto-replies to go from. */
export async function defaultMailbox(org: TestOrg) {
  return createMailbox(org.ctx("owner"), {
    name: `Auto ${newId().slice(-6)}`,
    fromName: "Sales",
    fromAddress: `auto-${newId().slice(-12)}@example.test`,
  });
}

export async function unassignedLead(org: TestOrg, patch: Record<string, unknown> = {}) {
  return createLead(org.ctx("owner"), {
    firstName: "Ada",
    email: `ada-${newId().slice(-12)}@example.org`,
    ownerId: null,
    ...patch,
  });
}

/** A rule made through the domain function (the owner's). */
export async function createTestRule(org: TestOrg, patch: Partial<RuleInput> = {}) {
  return createRule(org.ctx("owner"), {
    enabled: true,
    stopProcessing: false,
    oncePerLead: false,
    conditions: {
      categories: ["interested"],
      campaignIds: [],
      keywords: [],
      leadFields: [],
      minConfidence: null,
    },
    actions: {
      sendTemplateId: null,
      sendDelayMinutes: 0,
      notify: { owner: false, admins: false, userIds: [] },
      setStatus: "qualified",
      setOwnerId: null,
      addTags: [],
    },
    name: `Rule ${newId().slice(-6)}`,
    ...patch,
  });
}

async function ruleState(id: string) {
  const db = await getDb();
  return db.select().from(autoResponderRules).where(eq(autoResponderRules.id, id));
}

const withRule = async (org: TestOrg) => ({ params: { id: (await createTestRule(org)).id } });

/** How to call the auto-responder routes (see OPERATION_FIXTURES). */
export const AUTO_RESPONDER_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/auto-responder/rules": { prepare: async () => ({ body: ruleBody() }) },
  "GET /api/v1/auto-responder/rules/{id}": {
    prepare: withRule,
    snapshot: async (_org, call) => ruleState(call.params!.id!),
  },
  "PUT /api/v1/auto-responder/rules/{id}": {
    prepare: async (org) => ({ ...(await withRule(org)), body: ruleBody({ name: "Replaced" }) }),
    snapshot: async (_org, call) => ruleState(call.params!.id!),
  },
  "DELETE /api/v1/auto-responder/rules/{id}": {
    prepare: withRule,
    snapshot: async (_org, call) => ruleState(call.params!.id!),
  },
  "PATCH /api/v1/auto-responder/rules/{id}/toggle": {
    prepare: async (org) => ({ ...(await withRule(org)), body: { enabled: false } }),
    snapshot: async (_org, call) => ruleState(call.params!.id!),
  },
  "POST /api/v1/auto-responder/test": {
    prepare: async (org) => ({
      body: {
        text: "Sounds interesting, what does it cost?",
        leadId: (await unassignedLead(org)).id,
      },
    }),
  },
};
