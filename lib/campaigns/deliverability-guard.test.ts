import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  campaigns,
  emailEvents,
  emailMessages,
  mailboxes,
  notifications,
  outboxEvents,
} from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, type SentMessage } from "@/lib/testing/tracking-fixtures";
import { checkDeliverability, MIN_SENDS_FOR_GUARD, pauseReasonFor } from "./deliverability-guard";

/** `count` more messages sent by the campaign and mailbox of `base`, the first `bounced` bounced. */
async function sendMore(
  base: SentMessage,
  count: number,
  options: { bounced?: number; sentAt?: Date } = {},
) {
  const db = await getDb();
  const rows = await db
    .insert(emailMessages)
    .values(
      Array.from({ length: count }, (_, i) => ({
        organizationId: base.organizationId,
        kind: "campaign" as const,
        fromAddress: "sales@example.test",
        toAddress: `r${i}@example.test`,
        subject: "Hi",
        transport: "local_outbox" as const,
        mailboxId: base.mailboxId,
        campaignId: base.campaignId,
        status: i < (options.bounced ?? 0) ? ("bounced" as const) : ("sent" as const),
        sentAt: options.sentAt ?? new Date(Date.now() - 86_400_000),
        bouncedAt: i < (options.bounced ?? 0) ? new Date() : null,
      })),
    )
    .returning({ id: emailMessages.id });
  return rows.map((r) => r.id);
}

async function campaignRow(id: string) {
  const [row] = await (await getDb()).select().from(campaigns).where(eq(campaigns.id, id));
  return row!;
}

async function mailboxRow(id: string) {
  const [row] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, id));
  return row!;
}

async function notificationsFor(org: TestOrg, type: string) {
  return (await getDb())
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, org.id), eq(notifications.type, type)));
}

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Guard");
});

describe("pauseReasonFor", () => {
  it("needs the minimum number of sends, then compares strictly against the limits", () => {
    expect(
      pauseReasonFor({ sent: MIN_SENDS_FOR_GUARD - 1, bounced: 40, complained: 9 }),
    ).toBeNull();
    expect(pauseReasonFor({ sent: 100, bounced: 5, complained: 0 })).toBeNull();
    expect(pauseReasonFor({ sent: 1000, bounced: 0, complained: 3 })).toBeNull();
    expect(pauseReasonFor({ sent: 56, bounced: 4, complained: 0 })).toBe(
      "Bounce rate 7.1% over 5% (4 of 56 sent in the last 30 days)",
    );
    expect(pauseReasonFor({ sent: 1000, bounced: 0, complained: 4 })).toBe(
      "Complaint rate 0.4% over 0.3% (4 of 1000 sent in the last 30 days)",
    );
  });
});

describe("checkDeliverability", () => {
  it("pauses a campaign over 5% bounces, queues the pause and tells its owner", async () => {
    const base = await sentCampaignMessage(org);
    await sendMore(base, 55, { bounced: 4 });
    const db = await getDb();
    const result = await checkDeliverability(db, {
      organizationId: org.id,
      campaignId: base.campaignId,
    });
    expect(result).toEqual({ campaignPaused: true, mailboxPaused: false });
    const campaign = await campaignRow(base.campaignId);
    expect(campaign.status).toBe("paused");
    expect(campaign.pausedAt).toBeInstanceOf(Date);
    expect(campaign.pausedReason).toBe(
      "Bounce rate 7.1% over 5% (4 of 56 sent in the last 30 days)",
    );
    const paused = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "campaign/paused"));
    expect(paused.map((e) => e.data)).toContainEqual({
      organizationId: org.id,
      campaignId: base.campaignId,
    });
    const notes = await notificationsFor(org, "campaign_paused");
    expect(notes.map((n) => n.userId)).toEqual([org.members.rep.id]);
    expect(notes[0]!.link).toBe(`/campaigns/${base.campaignId}`);
    // Already paused: nothing more happens.
    expect(
      await checkDeliverability(db, { organizationId: org.id, campaignId: base.campaignId }),
    ).toEqual({ campaignPaused: false, mailboxPaused: false });
    expect(await notificationsFor(org, "campaign_paused")).toHaveLength(1);
  });

  it("pauses a mailbox over 0.3% complaints and tells the owner and admins", async () => {
    const base = await sentCampaignMessage(org);
    const ids = await sendMore(base, 60);
    const db = await getDb();
    await db.insert(emailEvents).values({
      organizationId: org.id,
      messageId: ids[0]!,
      campaignId: base.campaignId,
      type: "complained",
    });
    const result = await checkDeliverability(db, {
      organizationId: org.id,
      mailboxId: base.mailboxId,
    });
    expect(result).toEqual({ campaignPaused: false, mailboxPaused: true });
    const mailbox = await mailboxRow(base.mailboxId);
    expect(mailbox.status).toBe("paused");
    expect(mailbox.pausedReason).toMatch(/^Complaint rate 1\.6% over 0\.3% \(1 of 61 sent/);
    const notes = await notificationsFor(org, "mailbox_paused");
    expect(notes.map((n) => n.userId).sort()).toEqual(
      [org.members.owner.id, org.members.admin.id].sort(),
    );
  });

  it("leaves healthy senders, small samples and old sends alone", async () => {
    const db = await getDb();
    const healthy = await sentCampaignMessage(org);
    await sendMore(healthy, 99, { bounced: 5 }); // 5 of 100: not over 5%
    const small = await sentCampaignMessage(org);
    await sendMore(small, 20, { bounced: 20 }); // 21 sends: too few to judge
    const old = await sentCampaignMessage(org);
    await sendMore(old, 80, { bounced: 40, sentAt: new Date(Date.now() - 40 * 86_400_000) });
    for (const base of [healthy, small, old]) {
      expect(
        await checkDeliverability(db, {
          organizationId: org.id,
          campaignId: base.campaignId,
          mailboxId: base.mailboxId,
        }),
      ).toEqual({ campaignPaused: false, mailboxPaused: false });
      expect((await campaignRow(base.campaignId)).status).toBe("active");
      expect((await mailboxRow(base.mailboxId)).status).toBe("active");
    }
  });

  it("another organization's ids pause nothing", async () => {
    const other = await createTestOrg("Guard other");
    const base = await sentCampaignMessage(other);
    await sendMore(base, 60, { bounced: 30 });
    const db = await getDb();
    expect(
      await checkDeliverability(db, {
        organizationId: org.id,
        campaignId: base.campaignId,
        mailboxId: base.mailboxId,
      }),
    ).toEqual({ campaignPaused: false, mailboxPaused: false });
    expect((await campaignRow(base.campaignId)).status).toBe("active");
  });
});
