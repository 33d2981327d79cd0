import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { aiSettings } from "@/db/schema";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/** How to call the reply-effects settings route (see OPERATION_FIXTURES). */
export const AI_EFFECTS_FIXTURES: Record<string, OperationFixture> = {
  "PUT /api/v1/ai/reply-effects": {
    prepare: async () => ({
      body: {
        effects: { interested: { status: "qualified", temperature: "hot", notifyOwner: true } },
        createReferralLeads: true,
      },
    }),
    // A refused call must leave the organization's AI settings as they were.
    snapshot: async (org: TestOrg) => {
      const db = await getDb();
      return db.select().from(aiSettings).where(eq(aiSettings.organizationId, org.id));
    },
  },
};
