import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignRecipients, campaigns, emailTemplates, leads } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createTemplate } from "@/lib/templates/templates";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/**
 * How to call the campaign report routes (stats, timeline, export), a template's usage and a
 * lead's campaigns (see OPERATION_FIXTURES). Campaigns are inserted directly: these routes only
 * read them, and don't depend on the campaign CRUD module.
 */
async function campaignOf(org: TestOrg): Promise<PreparedCall> {
  const db = await getDb();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      organizationId: org.id,
      name: `Report fixture ${newId().slice(-6)}`,
      status: "active",
      steps: [
        {
          id: "s1",
          delayDays: 0,
          delayHours: 0,
          variants: [
            {
              id: "a",
              label: "A",
              weight: 100,
              templateId: null,
              subject: "Hi",
              html: "<p>Hi</p>",
              text: null,
            },
          ],
        },
      ],
      launchedAt: new Date(),
    })
    .returning({ id: campaigns.id });
  return { params: { id: campaign!.id } };
}

const campaignState = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb()).select().from(campaigns).where(eq(campaigns.id, call.params!.id!));

/** An unassigned lead (visible to every role) that is a recipient of a campaign. */
async function leadInCampaign(org: TestOrg): Promise<PreparedCall> {
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Fixture",
    email: `lead-${newId().slice(-12)}@example.test`,
    ownerId: null,
  });
  const campaign = await campaignOf(org);
  await (await getDb()).insert(campaignRecipients).values({
    organizationId: org.id,
    campaignId: campaign.params!.id!,
    leadId: lead.id,
    state: "active",
  });
  return { params: { id: lead.id } };
}

const leadState = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb()).select().from(leads).where(eq(leads.id, call.params!.id!));

async function templateOf(org: TestOrg): Promise<PreparedCall> {
  const template = await createTemplate(org.ctx("owner"), {
    name: `Template ${newId()}`,
    subject: "Hi {{firstName|there}}",
    html: '<p>Hello</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
  });
  return { params: { id: template.id } };
}

const templateState = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb()).select().from(emailTemplates).where(eq(emailTemplates.id, call.params!.id!));

const onCampaign: OperationFixture = { prepare: campaignOf, snapshot: campaignState };

export const CAMPAIGN_ANALYTICS_FIXTURES: Record<string, OperationFixture> = {
  "GET /api/v1/campaigns/{id}/stats": onCampaign,
  "GET /api/v1/campaigns/{id}/analytics": onCampaign,
  "GET /api/v1/campaigns/{id}/timeline": onCampaign,
  "GET /api/v1/campaigns/{id}/export": onCampaign,
  "GET /api/v1/templates/{id}/usage": { prepare: templateOf, snapshot: templateState },
  "GET /api/v1/leads/{id}/campaigns": { prepare: leadInCampaign, snapshot: leadState },
};
