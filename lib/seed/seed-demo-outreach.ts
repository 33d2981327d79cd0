import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { leads } from "@/db/schema";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { addRecipients } from "@/lib/campaigns/recipients";
import type { Ctx } from "@/lib/context";
import { systemCtx } from "@/lib/context";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createTemplate } from "@/lib/templates/templates";

const INTRO = {
  name: "New listing introduction",
  category: "Cold outreach",
  subject: "{{firstName|Hi}}, a home near {{city|you}} you may like",
  html: `<p>Hi {{firstName|there}},</p>
<p>We just listed a bright three-bedroom near {{city|the river}} that fits what buyers like
{{company|your team}} ask us for. Would a short viewing this week work?</p>
<p><a href="https://northwind.example/listings">See this week's listings</a></p>
<p>Best,<br>{{sender.name}}</p>
<p style="font-size:12px;color:#64748b"><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
};

const FOLLOW_UP = {
  name: "Gentle follow-up",
  category: "Follow-up",
  subject: "Re: {{firstName|Hi}}, a home near {{city|you}} you may like",
  html: `<p>Hi {{firstName|there}},</p>
<p>Just bringing this back to the top of your inbox — happy to send floor plans or set up a
call, whichever is easier.</p>
<p>{{sender.name}}</p>
<p style="font-size:12px;color:#64748b"><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
};

/**
 * Outreach ready to try: a mailbox on the local outbox, two templates and a three-step draft
 * campaign (the second step an A/B test) with a rep's open leads as recipients — launching it
 * from the campaign page sends into the local outbox, through tracking, like real mail.
 */
export async function seedDemoOutreach(tx: Transaction, orgId: string, repId: string) {
  const system = systemCtx(tx as unknown as Database, orgId);
  const rep: Ctx = {
    ...system,
    actor: { type: "user", id: repId, userId: repId },
    role: "sales_rep",
  };
  const mailbox = await createMailbox(system, {
    name: "Sales team",
    fromName: "Northwind Realty",
    fromAddress: "sales@northwind.demo.test",
    replyTo: "sales@northwind.demo.test",
    signatureHtml: "<p>Northwind Realty · 12 Harbour Street</p>",
    isDefault: true,
  });
  const intro = await createTemplate(rep, INTRO);
  const followUp = await createTemplate(rep, FOLLOW_UP);
  const campaign = await createCampaign(rep, {
    name: "Spring listings outreach",
    description: "Introduce this season's listings to open leads, with two follow-ups.",
    mailboxIds: [mailbox.id],
    steps: [
      {
        delayDays: 0,
        delayHours: 0,
        variants: [{ weight: 100, templateId: intro.id, subject: "", html: "" }],
      },
      {
        delayDays: 3,
        delayHours: 0,
        variants: [
          { label: "A", weight: 50, templateId: followUp.id, subject: "", html: "" },
          {
            label: "B",
            weight: 50,
            subject: "Floor plans for {{firstName|you}}?",
            html: '<p>Hi {{firstName|there}}, shall I send the floor plans over?</p><p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>',
          },
        ],
      },
      {
        delayDays: 4,
        delayHours: 0,
        variants: [
          {
            weight: 100,
            subject: "Should I close your file, {{firstName|there}}?",
            html: "<p>Hi {{firstName|there}}, I haven't heard back, so I'll stop writing for now. Reply any time.</p><p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>",
          },
        ],
      },
    ],
  });
  const repLeads = await tx
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.organizationId, orgId), eq(leads.ownerId, repId)));
  await addRecipients(rep, campaign.id, { leadIds: repLeads.map((l) => l.id) });
  return { mailboxId: mailbox.id, campaignId: campaign.id };
}
