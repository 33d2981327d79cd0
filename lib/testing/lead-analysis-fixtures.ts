import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leadAnalyses } from "@/db/schema";
import { analyzeLead } from "@/lib/lead-analysis/analyze-lead";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/** An unassigned lead (every role sees it) with enough fields for an analysis. */
export async function analysableLead(org: TestOrg) {
  return createLead(org.ctx("owner"), {
    firstName: "Analysed",
    lastName: "Lead",
    email: `analysed-${newId().slice(-12)}@example.org`,
    company: "Example GmbH",
    jobTitle: "Head of Purchasing",
    ownerId: null,
  });
}

/** The lead's stored analyses: what a refused call must leave as it was. */
async function analysesOf(leadId: string) {
  const db = await getDb();
  return db.select().from(leadAnalyses).where(eq(leadAnalyses.leadId, leadId));
}

/** How to call the lead analysis routes (see OPERATION_FIXTURES). */
export const LEAD_ANALYSIS_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/leads/{id}/analyze": {
    prepare: async (org) => ({ params: { id: (await analysableLead(org)).id } }),
    snapshot: async (_org, call) => analysesOf(call.params!.id!),
  },
  "GET /api/v1/leads/{id}/analysis": {
    prepare: async (org) => {
      const lead = await analysableLead(org);
      await analyzeLead(org.ctx("owner"), lead.id, { model: null });
      return { params: { id: lead.id } };
    },
    snapshot: async (_org, call) => analysesOf(call.params!.id!),
  },
  "POST /api/v1/ai/summarize": {
    prepare: async (org) => ({ body: { leadId: (await analysableLead(org)).id } }),
  },
  "POST /api/v1/ai/extract-info": {
    prepare: async () => ({
      body: { text: "Best regards,\nAnna Schmidt\nHead of Sales\nanna@example.de\n+49 30 1234567" },
    }),
  },
};
