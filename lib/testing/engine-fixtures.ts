import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, emailMessages } from "@/db/schema";
import {
  createTestCampaign,
  createTestMailbox,
  testStep,
} from "@/lib/campaigns/sequence/test-campaign";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** How to call the sending engine's routes (see OPERATION_FIXTURES). */
async function campaignWithMailbox(org: TestOrg): Promise<PreparedCall> {
  const mailbox = await createTestMailbox(org.id, { isDefault: false });
  const { campaign } = await createTestCampaign(org.id, {
    steps: [testStep(1)],
    leadIds: [],
    launchedAt: new Date(),
    values: { status: "draft", launchedAt: null, mailboxIds: [mailbox.id] },
  });
  return { params: { id: campaign.id }, body: {} };
}

/** The campaign and the test mail its organization holds: a refused call adds none. */
async function testSendState(org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  return {
    campaign: await db.select().from(campaigns).where(eq(campaigns.id, call.params!.id!)),
    tests: await db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(and(eq(emailMessages.organizationId, org.id), eq(emailMessages.kind, "test"))),
  };
}

export const ENGINE_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/campaigns/{id}/test-send": {
    prepare: campaignWithMailbox,
    snapshot: testSendState,
  },
};
