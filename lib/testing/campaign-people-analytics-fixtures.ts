import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  leads,
  userActivities,
  type CampaignStep,
  type UserActivityKind,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/**
 * Builders for the campaign and people analytics tests: rows inserted directly with exactly the
 * timestamps a test needs (the analytics only read them), and the operation fixtures of the
 * analytics routes that need a query to be valid.
 */
export const step = (id: string, variants: string[]): CampaignStep => ({
  id,
  delayDays: 0,
  delayHours: 0,
  variants: variants.map((v) => ({
    id: v,
    label: `Variant ${v.toUpperCase()}`,
    weight: 50,
    templateId: null,
    subject: `Subject ${v}`,
    html: "<p>Hi</p>",
    text: null,
  })),
});

export async function insertCampaign(
  org: TestOrg,
  values: Partial<typeof campaigns.$inferInsert> & { name: string },
) {
  const db = await getDb();
  const [row] = await db
    .insert(campaigns)
    .values({ organizationId: org.id, status: "active", steps: [step("s1", ["a"])], ...values })
    .returning({ id: campaigns.id });
  return row!.id;
}

export async function insertLead(
  org: TestOrg,
  values: Partial<typeof leads.$inferInsert> & { displayName: string },
) {
  const db = await getDb();
  const [row] = await db
    .insert(leads)
    .values({
      organizationId: org.id,
      status: "new",
      email: `${values.displayName.toLowerCase().replace(/\W+/g, "-")}-${newId().slice(-10)}@example.test`,
      ...values,
    })
    .returning({ id: leads.id });
  return row!.id;
}

export async function addRecipient(
  org: TestOrg,
  campaignId: string,
  leadId: string,
  addedAt: Date,
) {
  const db = await getDb();
  await db.insert(campaignRecipients).values({
    organizationId: org.id,
    campaignId,
    leadId,
    state: "active",
    createdAt: addedAt,
  });
}

export interface MessageSpec {
  campaignId: string;
  leadId?: string | null;
  stepId?: string;
  stepIndex?: number;
  variantId?: string;
  /** null: never left (queued or failed, see `failed`). */
  sentAt: Date | null;
  createdAt?: Date;
  failed?: boolean;
  delivered?: boolean;
  opened?: boolean;
  clicked?: boolean;
  bounced?: boolean;
  replied?: boolean;
  /** A reply known only from an email event (as the stats count it). */
  replyEvent?: boolean;
  unsubscribeEvent?: boolean;
}

/** Campaign messages, inserted in batches; outcome moments one minute after the send. */
export async function insertMessages(org: TestOrg, specs: MessageSpec[]) {
  const db = await getDb();
  const later = (s: MessageSpec, flag?: boolean) =>
    flag && s.sentAt ? new Date(s.sentAt.getTime() + 60_000) : null;
  for (let i = 0; i < specs.length; i += 500) {
    const chunk = specs.slice(i, i + 500);
    const rows = await db
      .insert(emailMessages)
      .values(
        chunk.map((s) => ({
          organizationId: org.id,
          kind: "campaign" as const,
          fromAddress: "sales@example.test",
          toAddress: "lead@example.test",
          subject: "Hello",
          transport: "local_outbox" as const,
          status: s.failed
            ? ("failed" as const)
            : s.sentAt
              ? s.bounced
                ? ("bounced" as const)
                : ("sent" as const)
              : ("queued" as const),
          sentAt: s.sentAt,
          leadId: s.leadId ?? null,
          campaignId: s.campaignId,
          stepId: s.stepId ?? "s1",
          stepIndex: s.stepIndex ?? 0,
          variantId: s.variantId ?? "a",
          deliveredAt: later(s, s.delivered),
          openedAt: later(s, s.opened),
          clickedAt: later(s, s.clicked),
          bouncedAt: later(s, s.bounced),
          repliedAt: later(s, s.replied),
          createdAt: s.createdAt ?? s.sentAt ?? new Date(),
        })),
      )
      .returning({ id: emailMessages.id });
    const events = chunk.flatMap((s, j) => {
      const base = {
        organizationId: org.id,
        messageId: rows[j]!.id,
        campaignId: s.campaignId,
        leadId: s.leadId ?? null,
        occurredAt: new Date((s.sentAt ?? s.createdAt ?? new Date()).getTime() + 120_000),
      };
      return [
        ...(s.replyEvent ? [{ ...base, type: "replied" as const }] : []),
        ...(s.unsubscribeEvent ? [{ ...base, type: "unsubscribed" as const }] : []),
      ];
    });
    if (events.length) await db.insert(emailEvents).values(events);
  }
}

export async function insertActivity(
  org: TestOrg,
  userId: string,
  kind: UserActivityKind,
  occurredAt: Date,
  extra: Partial<typeof userActivities.$inferInsert> = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(userActivities)
    .values({ organizationId: org.id, userId, kind, occurredAt, ...extra })
    .returning({ id: userActivities.id });
  return row!.id;
}

/** How to call the analytics routes whose query needs more than the defaults. */
export const CAMPAIGN_PEOPLE_ANALYTICS_FIXTURES: Record<string, OperationFixture> = {
  "GET /api/v1/analytics/campaigns/comparison": {
    prepare: async (org) => ({
      query: {
        ids: [
          await insertCampaign(org, { name: `Compared A ${newId().slice(-6)}` }),
          await insertCampaign(org, { name: `Compared B ${newId().slice(-6)}` }),
        ].join(","),
      },
    }),
  },
  "GET /api/v1/activity/user-activity": {
    // An API key has no "me": it names a member.
    prepare: async (org, caller) => ({ query: { userId: caller.userId ?? org.members.rep.id } }),
  },
};
