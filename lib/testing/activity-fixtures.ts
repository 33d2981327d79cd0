import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { userActivities } from "@/db/schema";
import { logCall } from "@/lib/activity/calls";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** An unassigned lead (every role sees it). */
async function callableLead(org: TestOrg) {
  return createLead(org.ctx("owner"), {
    firstName: "Called",
    email: `called-${newId().slice(-12)}@example.test`,
    phone: "+49 30 1234567",
    ownerId: null,
  });
}

/** The calls logged on the lead: what a refused call must leave as it was. */
const callsOf = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb())
    .select()
    .from(userActivities)
    .where(and(eq(userActivities.leadId, call.params!.id!), eq(userActivities.kind, "call")));

/** How to call the activity routes (see OPERATION_FIXTURES). */
export const ACTIVITY_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/leads/{id}/calls": {
    prepare: async (org, caller) => ({
      params: { id: (await callableLead(org)).id },
      body: {
        outcome: "connected",
        durationSeconds: 180,
        notes: "Interested in a demo",
        // An API key names the member who made the call.
        ...(caller.userId ? {} : { userId: org.members.rep.id }),
      },
    }),
    snapshot: callsOf,
  },
  "GET /api/v1/leads/{id}/calls": {
    prepare: async (org) => {
      const lead = await callableLead(org);
      await logCall(org.ctx("rep"), lead.id, { outcome: "voicemail", durationSeconds: 30 });
      return { params: { id: lead.id } };
    },
    snapshot: callsOf,
  },
};
