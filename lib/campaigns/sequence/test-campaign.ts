import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  leads,
  mailboxes,
  type CampaignStep,
  type SendWindow,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import type { SequenceRef } from "./sequence-types";

/**
 * Test data for the sending engine, written straight to the database: a mailbox, leads, a
 * campaign with steps and its recipients. (Tests only — the API builds these for real.)
 */

export const ALWAYS_OPEN: SendWindow = {
  days: [1, 2, 3, 4, 5, 6, 7],
  start: "00:00",
  end: "23:59",
};

export function testStep(
  n: number,
  delay: { delayDays?: number; delayHours?: number } = {},
): CampaignStep {
  return {
    id: `step-${n}`,
    delayDays: delay.delayDays ?? 0,
    delayHours: delay.delayHours ?? 0,
    variants: [
      {
        id: `v-${n}`,
        label: "A",
        weight: 100,
        templateId: null,
        subject: `Step ${n} for {{firstName|there}}`,
        html: `<p>Hi {{firstName|there}}, this is step ${n}. <a href="https://example.com/offer">Offer</a></p>`,
        text: null,
      },
    ],
  };
}

export async function createTestMailbox(
  orgId: string,
  values: Partial<typeof mailboxes.$inferInsert> = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(mailboxes)
    .values({
      organizationId: orgId,
      name: "Sales",
      fromName: "Ada from Northwind",
      fromAddress: `sales-${newId().slice(-12)}@northwind.test`,
      replyTo: "replies@northwind.test",
      signatureHtml: "<p>Ada Lovelace<br>Northwind</p>",
      isDefault: true,
      ...values,
    })
    .returning();
  return row!;
}

export async function createTestLead(
  orgId: string,
  values: Partial<typeof leads.$inferInsert> = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(leads)
    .values({
      organizationId: orgId,
      firstName: "Grace",
      displayName: "Grace",
      email: `grace-${newId().slice(-12)}@example.test`,
      status: "new",
      ...values,
    })
    .returning();
  return row!;
}

/** An active campaign (launched at `launchedAt`) with one queued recipient per lead. */
export async function createTestCampaign(
  orgId: string,
  input: {
    steps: CampaignStep[];
    leadIds: string[];
    launchedAt: Date;
    values?: Partial<typeof campaigns.$inferInsert>;
  },
) {
  const db = await getDb();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      organizationId: orgId,
      name: `Campaign ${newId().slice(-6)}`,
      status: "active",
      steps: input.steps,
      sendWindow: ALWAYS_OPEN,
      launchedAt: input.launchedAt,
      ...input.values,
    })
    .returning();
  const recipients = input.leadIds.length
    ? await db
        .insert(campaignRecipients)
        .values(
          input.leadIds.map((leadId) => ({
            organizationId: orgId,
            campaignId: campaign!.id,
            leadId,
          })),
        )
        .returning()
    : [];
  const refs: SequenceRef[] = recipients.map((r) => ({
    organizationId: orgId,
    campaignId: campaign!.id,
    recipientId: r.id,
    leadId: r.leadId,
    generation: r.generation,
  }));
  return { campaign: campaign!, recipients, refs };
}
