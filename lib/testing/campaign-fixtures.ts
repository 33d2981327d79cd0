import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignRecipients, campaigns, type CampaignStatus } from "@/db/schema";
import { createCampaignInput } from "@/lib/campaigns/campaign-schemas";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { addRecipients } from "@/lib/campaigns/recipients";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/**
 * How to call the campaign CRUD, lifecycle and recipient routes (see OPERATION_FIXTURES). Every
 * campaign is built through the domain functions; a status the caller's route needs as its
 * starting point (active, paused) is then set directly, as the engine would have left it.
 */
export const campaignBody = () => ({
  name: `Campaign ${newId().slice(-6)}`,
  steps: [
    {
      delayDays: 0,
      variants: [
        {
          subject: "Hi {{firstName|there}}",
          html: '<p>Hello</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
        },
      ],
    },
  ],
});

/** An unassigned lead with an address, so every role sees it and it can be emailed. */
const freshLead = (org: TestOrg) =>
  createLead(org.ctx("owner"), {
    firstName: "Recipient",
    email: `recipient-${newId().slice(-12)}@example.test`,
    ownerId: null,
  });

/** A draft with one step, its own mailbox and one recipient: launchable as it stands. */
async function readyCampaign(org: TestOrg, status?: CampaignStatus) {
  const ctx = org.ctx("owner");
  const mailbox = await createMailbox(ctx, {
    name: `Fixture ${newId().slice(-6)}`,
    fromName: "Fixture",
    fromAddress: `fixture-${newId().slice(-12)}@example.test`,
  });
  const campaign = await createCampaign(
    ctx,
    createCampaignInput.parse({ ...campaignBody(), mailboxIds: [mailbox!.id] }),
  );
  const lead = await freshLead(org);
  await addRecipients(ctx, campaign.id, { leadIds: [lead.id] });
  if (status) {
    await (
      await getDb()
    )
      .update(campaigns)
      .set({ status, launchedAt: new Date() })
      .where(eq(campaigns.id, campaign.id));
  }
  return { campaignId: campaign.id, leadId: lead.id };
}

const onCampaign = (status?: CampaignStatus, body?: () => unknown): OperationFixture => ({
  prepare: async (org) => ({
    params: { id: (await readyCampaign(org, status)).campaignId },
    body: body?.(),
  }),
  snapshot: campaignState,
});

/** The campaign row and its recipients: what a refused call must leave untouched. */
async function campaignState(_org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  const id = call.params!.id!;
  return {
    campaign: await db.select().from(campaigns).where(eq(campaigns.id, id)),
    recipients: await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, id))
      .orderBy(campaignRecipients.id),
  };
}

const addLeadsFixture: OperationFixture = {
  prepare: async (org) => ({
    params: { id: (await readyCampaign(org)).campaignId },
    body: { leadIds: [(await freshLead(org)).id] },
  }),
  snapshot: campaignState,
};

const inAnHour = () => ({ startAt: new Date(Date.now() + 3_600_000).toISOString() });

export const CAMPAIGN_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/campaigns": { prepare: async () => ({ body: campaignBody() }) },
  "GET /api/v1/campaigns/{id}": onCampaign(),
  "PATCH /api/v1/campaigns/{id}": onCampaign(undefined, () => ({ name: `Renamed ${newId()}` })),
  "PUT /api/v1/campaigns/{id}": onCampaign(undefined, campaignBody),
  "DELETE /api/v1/campaigns/{id}": onCampaign(),
  "POST /api/v1/campaigns/{id}/duplicate": onCampaign(),
  "POST /api/v1/campaigns/{id}/launch": onCampaign(),
  "POST /api/v1/campaigns/{id}/schedule": onCampaign(undefined, inAnHour),
  "POST /api/v1/campaigns/{id}/pause": onCampaign("active"),
  "POST /api/v1/campaigns/{id}/resume": onCampaign("paused"),
  "POST /api/v1/campaigns/{id}/stop": onCampaign("active"),
  "POST /api/v1/campaigns/{id}/send": onCampaign("active", () => ({})),
  "GET /api/v1/campaigns/{id}/recipients": onCampaign(),
  "POST /api/v1/campaigns/{id}/recipients": addLeadsFixture,
  "POST /api/v1/campaigns/{id}/leads": addLeadsFixture,
  "DELETE /api/v1/campaigns/{id}/recipients/{leadId}": {
    prepare: async (org) => {
      const { campaignId, leadId } = await readyCampaign(org);
      return { params: { id: campaignId, leadId } };
    },
    snapshot: async (org, call) => ({
      ...(await campaignState(org, call)),
      recipient: await (
        await getDb()
      )
        .select()
        .from(campaignRecipients)
        .where(
          and(
            eq(campaignRecipients.campaignId, call.params!.id!),
            eq(campaignRecipients.leadId, call.params!.leadId!),
          ),
        ),
    }),
  },
};
