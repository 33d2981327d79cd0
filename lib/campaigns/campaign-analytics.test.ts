import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  emailSuppressions,
  mailboxes,
  type CampaignStep,
  type RecipientState,
} from "@/db/schema";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

/**
 * A hand-built campaign whose numbers are known exactly: ten leads, two steps, an A/B split on
 * the first. Step 1: a → L1–L5, b → L6–L10; step 2 (one variant) → L1, L2, L3, L7, L8, L10.
 *   L1  a: delivered, opened, clicked · step 2: delivered, opened, replied      → replied
 *   L2  a: delivered, opened          · step 2: delivered, complaint            → unsubscribed
 *   L3  a: delivered, bot open only   · step 2: delivered                       → completed
 *   L4  a: bounced                                                              → bounced
 *   L5  a: delivered, unsubscribed                                              → unsubscribed
 *   L6  b: delivered, opened, reply recorded only as an event                   → replied
 *   L7  b: delivered, opened + clicked the next day · step 2: delivered         → completed
 *   L8  b: sent (no delivery report)  · step 2: sent                            → completed
 *   L9  b: failed                                                               → active
 *   L10 b: delivered                  · step 2: sent                            → completed
 */
const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const H = 60;
const D = 24 * H;

let org: TestOrg;
let other: TestOrg;
let campaignId: string;
let templateId: string;
const leadIds: string[] = [];
const emails: string[] = [];

const variant = (id: string, label: string, templateId: string | null = null) => ({
  id,
  label,
  weight: 50,
  templateId,
  subject: `Subject ${id}`,
  html: "<p>Hi</p>",
  text: null,
});

async function insertCampaign(orgId: string, name: string, steps: CampaignStep[], extra = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(campaigns)
    .values({ organizationId: orgId, name, steps, status: "active", ...extra })
    .returning({ id: campaigns.id });
  return row!.id;
}

interface MessageSpec {
  lead: number;
  step: 0 | 1;
  variant: string;
  sent?: number;
  failed?: boolean;
  delivered?: number;
  opened?: number;
  clicked?: number;
  bounced?: number;
  replied?: number;
}

async function buildDataset() {
  const db = await getDb();
  const owner = org.ctx("owner");
  for (let i = 1; i <= 10; i++) {
    const lead = await createLead(owner, {
      firstName: `Lead${i}`,
      lastName: "Test",
      email: `l${i}-${org.id.slice(-8)}@example.test`,
      company: i === 1 ? '=HYPERLINK("http://evil.test")' : `Company ${i}`,
      // L10 belongs to the second rep: the first rep must not see it anywhere.
      ownerId: i === 10 ? org.members.rep2.id : null,
      // Qualified or beyond: L2 (a later open stage) and L3 (won); L4 lost doesn't count.
      ...(i === 2
        ? { status: "demo" }
        : i === 3
          ? { status: "won" }
          : i === 4
            ? { status: "lost", lostReason: undefined }
            : {}),
    });
    leadIds[i] = lead.id;
    emails[i] = lead.email!;
  }
  const [mailbox] = await db
    .insert(mailboxes)
    .values({
      organizationId: org.id,
      name: "Sales",
      fromName: "Sales",
      fromAddress: `sales-${org.id.slice(-8)}@example.test`,
    })
    .returning({ id: mailboxes.id });

  const template = await api("POST", "/api/v1/templates", {
    token: org.members.owner.token,
    body: { name: "Used", subject: "Hi", html: '<a href="{{unsubscribeUrl}}">u</a>' },
  });
  templateId = template.json.id;

  campaignId = await insertCampaign(
    org.id,
    "Spring outreach",
    [
      {
        id: "s1",
        delayDays: 0,
        delayHours: 0,
        variants: [variant("a", "A"), variant("b", "B", templateId)],
      },
      { id: "s2", delayDays: 2, delayHours: 0, variants: [variant("c", "Only")] },
    ],
    { launchedAt: T0 },
  );

  const states: Record<number, [RecipientState, number]> = {
    1: ["replied", 2],
    2: ["unsubscribed", 2],
    3: ["completed", 2],
    4: ["bounced", 1],
    5: ["unsubscribed", 1],
    6: ["replied", 1],
    7: ["completed", 2],
    8: ["completed", 2],
    9: ["active", 0],
    10: ["completed", 2],
  };
  const recipientIds: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const [r] = await db
      .insert(campaignRecipients)
      .values({
        organizationId: org.id,
        campaignId,
        leadId: leadIds[i]!,
        state: states[i]![0],
        stateReason: i === 4 ? "hard bounce" : null,
        nextStepIndex: states[i]![1],
        mailboxId: mailbox!.id,
      })
      .returning({ id: campaignRecipients.id });
    recipientIds[i] = r!.id;
  }

  const specs: MessageSpec[] = [
    { lead: 1, step: 0, variant: "a", sent: 0, delivered: 2, opened: H, clicked: H + 5 },
    { lead: 2, step: 0, variant: "a", sent: 1, delivered: 3, opened: 2 * H },
    { lead: 3, step: 0, variant: "a", sent: 2, delivered: 4 },
    { lead: 4, step: 0, variant: "a", sent: 3, bounced: 10 },
    { lead: 5, step: 0, variant: "a", sent: 4, delivered: 6 },
    { lead: 6, step: 0, variant: "b", sent: 5, delivered: 7, opened: H + 30 },
    { lead: 7, step: 0, variant: "b", sent: 6, delivered: 8, opened: D + H, clicked: D + H + 1 },
    { lead: 8, step: 0, variant: "b", sent: 7 },
    { lead: 9, step: 0, variant: "b", failed: true },
    { lead: 10, step: 0, variant: "b", sent: 9, delivered: 11 },
    {
      lead: 1,
      step: 1,
      variant: "c",
      sent: 2 * D,
      delivered: 2 * D + 1,
      opened: 2 * D + H,
      replied: 2 * D + 2 * H,
    },
    { lead: 2, step: 1, variant: "c", sent: 2 * D + 1, delivered: 2 * D + 2 },
    { lead: 3, step: 1, variant: "c", sent: 2 * D + 2, delivered: 2 * D + 3 },
    { lead: 7, step: 1, variant: "c", sent: 2 * D + 3, delivered: 2 * D + 4 },
    { lead: 8, step: 1, variant: "c", sent: 2 * D + 4 },
    { lead: 10, step: 1, variant: "c", sent: 2 * D + 5 },
  ];
  const messageIds = new Map<string, string>();
  for (const s of specs) {
    const when = (m?: number) => (m === undefined ? null : at(m));
    const [m] = await db
      .insert(emailMessages)
      .values({
        organizationId: org.id,
        kind: "campaign",
        fromAddress: "sales@example.test",
        toAddress: emails[s.lead]!,
        subject: `Step ${s.step + 1} for L${s.lead}`,
        transport: "local_outbox",
        mailboxId: mailbox!.id,
        status: s.failed ? "failed" : s.bounced !== undefined ? "bounced" : "sent",
        sentAt: when(s.sent),
        leadId: leadIds[s.lead]!,
        campaignId,
        recipientId: recipientIds[s.lead]!,
        stepId: s.step === 0 ? "s1" : "s2",
        stepIndex: s.step,
        variantId: s.variant,
        deliveredAt: when(s.delivered),
        openedAt: when(s.opened),
        clickedAt: when(s.clicked),
        bouncedAt: when(s.bounced),
        repliedAt: when(s.replied),
      })
      .returning({ id: emailMessages.id });
    messageIds.set(`${s.lead}:${s.step}`, m!.id);
    if (s.sent !== undefined) {
      await db
        .update(campaignRecipients)
        .set({ lastSentAt: at(s.sent), lastMessageId: m!.id })
        .where(eqId(recipientIds[s.lead]!));
    }
  }

  const event = (lead: number, step: 0 | 1, type: string, minutes: number, isBot = false) => ({
    organizationId: org.id,
    messageId: messageIds.get(`${lead}:${step}`)!,
    campaignId,
    leadId: leadIds[lead]!,
    type: type as "opened",
    isBot,
    occurredAt: at(minutes),
  });
  await db.insert(emailEvents).values([
    event(1, 0, "opened", H),
    event(1, 0, "clicked", H + 5),
    event(3, 0, "opened", 3, true), // a scanner's open: kept, never counted
    event(5, 0, "unsubscribed", 3 * H),
    event(6, 0, "replied", 5 * H), // reply known only as an event
    event(2, 1, "complained", 2 * D + 3 * H),
  ]);

  // Noise that must not count: a test send and another campaign's message, both opened.
  const otherCampaign = await insertCampaign(org.id, "Other", [
    { id: "s1", delayDays: 0, delayHours: 0, variants: [variant("a", "A")] },
  ]);
  for (const [kind, cid] of [
    ["test", campaignId],
    ["campaign", otherCampaign],
  ] as const) {
    await db.insert(emailMessages).values({
      organizationId: org.id,
      kind,
      fromAddress: "sales@example.test",
      toAddress: emails[1]!,
      subject: "Noise",
      transport: "local_outbox",
      status: "sent",
      sentAt: at(30),
      openedAt: at(40),
      leadId: leadIds[1]!,
      campaignId: cid,
      stepId: "s1",
      stepIndex: 0,
      variantId: "a",
    });
  }
  await db.insert(emailSuppressions).values({
    organizationId: org.id,
    email: emails[5]!.toLowerCase(),
    reason: "unsubscribed",
    campaignId,
  });
}

const eqId = (id: string) => eq(campaignRecipients.id, id);

beforeAll(async () => {
  org = await createTestOrg("Analytics");
  other = await createTestOrg("Analytics other");
  await buildDataset();
});

describe("GET /campaigns/{id}/stats", () => {
  it("answers the same at seed 001's /analytics", async () => {
    const [stats, analytics] = await Promise.all(
      ["stats", "analytics"].map((p) =>
        api("GET", `/api/v1/campaigns/${campaignId}/${p}`, { token: org.members.rep.token }),
      ),
    );
    expect(analytics!.status).toBe(200);
    expect(analytics!.json).toEqual(stats!.json);
  });

  it("counts every step and variant exactly, bot opens and noise left out", async () => {
    const res = await api("GET", `/api/v1/campaigns/${campaignId}/stats`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(200);
    const s = res.json;
    expect(s).toMatchObject({
      campaignId,
      name: "Spring outreach",
      status: "active",
      startTime: T0.toISOString(),
      endTime: null,
      totalLeads: 10,
      contactedLeads: 9,
      openRate: 0.4444, // L1, L2, L6, L7 of 9 contacted
      clickRate: 0.2222,
      replyRate: 0.2222,
      qualifiedCount: 2,
      recipientsByState: {
        queued: 0,
        active: 1,
        replied: 2,
        bounced: 1,
        unsubscribed: 2,
        completed: 4,
        removed: 0,
        manual: 0,
        total: 10,
      },
    });
    expect(s.totals).toEqual({
      recipients: 10,
      sent: 15,
      delivered: 11,
      opened: 5,
      clicked: 2,
      replied: 2,
      bounced: 1,
      unsubscribed: 2,
      failed: 1,
      openRate: 0.3571, // 5 / (15 − 1)
      clickRate: 0.1429,
      replyRate: 0.1429,
      bounceRate: 0.0667, // 1 / 15
      unsubscribeRate: 0.1429,
    });
    expect(s.steps).toHaveLength(2);
    const [first, second] = s.steps;
    expect(first).toMatchObject({
      index: 0,
      id: "s1",
      recipients: 10,
      sent: 9,
      delivered: 7,
      opened: 4,
      clicked: 2,
      replied: 1,
      bounced: 1,
      unsubscribed: 1,
      failed: 1,
      openRate: 0.5,
      clickRate: 0.25,
      replyRate: 0.125,
      bounceRate: 0.1111,
      unsubscribeRate: 0.125,
    });
    expect(first.variants).toEqual([
      {
        id: "a",
        label: "A",
        recipients: 5,
        sent: 5,
        delivered: 4,
        opened: 2,
        clicked: 1,
        replied: 0,
        bounced: 1,
        unsubscribed: 1,
        failed: 0,
        openRate: 0.5,
        clickRate: 0.25,
        replyRate: 0,
        bounceRate: 0.2,
        unsubscribeRate: 0.25,
      },
      {
        id: "b",
        label: "B",
        recipients: 5,
        sent: 4,
        delivered: 3,
        opened: 2,
        clicked: 1,
        replied: 1,
        bounced: 0,
        unsubscribed: 0,
        failed: 1,
        openRate: 0.5,
        clickRate: 0.25,
        replyRate: 0.25,
        bounceRate: 0,
        unsubscribeRate: 0,
      },
    ]);
    expect(second).toMatchObject({
      index: 1,
      id: "s2",
      recipients: 6,
      sent: 6,
      delivered: 4,
      opened: 1,
      clicked: 0,
      replied: 1,
      bounced: 0,
      unsubscribed: 1,
      failed: 0,
      openRate: 0.1667,
      replyRate: 0.1667,
      unsubscribeRate: 0.1667,
    });
    expect(second.variants.map((v: { id: string; sent: number }) => [v.id, v.sent])).toEqual([
      ["c", 6],
    ]);
  });

  it("is all zeros, never NaN, for a campaign that sent nothing", async () => {
    const id = await insertCampaign(org.id, "Empty", [
      { id: "s1", delayDays: 0, delayHours: 0, variants: [variant("a", "A")] },
    ]);
    const res = await api("GET", `/api/v1/campaigns/${id}/stats`, {
      token: org.members.owner.token,
    });
    expect(res.status).toBe(200);
    expect(res.json.totals).toMatchObject({ sent: 0, openRate: 0, bounceRate: 0 });
    expect(res.json.openRate).toBe(0);
    expect(res.json.steps[0]).toMatchObject({ sent: 0, openRate: 0 });
    expect(res.json.steps[0].variants[0]).toMatchObject({ id: "a", sent: 0, clickRate: 0 });
  });
});

describe("GET /campaigns/{id}/timeline", () => {
  const zero = {
    sent: 0,
    delivered: 0,
    opened: 0,
    clicked: 0,
    replied: 0,
    bounced: 0,
    unsubscribed: 0,
  };

  it("counts each outcome in the day it first happened, empty days as zeros", async () => {
    const res = await api("GET", `/api/v1/campaigns/${campaignId}/timeline`, {
      token: org.members.manager.token,
      query: { bucket: "day", from: T0.toISOString(), to: at(3 * D).toISOString() },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ campaignId, bucket: "day", timezone: "UTC" });
    expect(res.json.points).toEqual([
      {
        start: "2026-03-02T00:00:00.000Z",
        ...zero,
        sent: 9,
        delivered: 7,
        opened: 3,
        clicked: 1,
        replied: 1,
        bounced: 1,
        unsubscribed: 1,
      },
      { start: "2026-03-03T00:00:00.000Z", ...zero, opened: 1, clicked: 1 },
      {
        start: "2026-03-04T00:00:00.000Z",
        ...zero,
        sent: 6,
        delivered: 4,
        opened: 1,
        replied: 1,
        unsubscribed: 1,
      },
      { start: "2026-03-05T00:00:00.000Z", ...zero },
    ]);
    // Over the whole life of the campaign the timeline agrees with the stats.
    expect(res.json.totals).toEqual({
      sent: 15,
      delivered: 11,
      opened: 5,
      clicked: 2,
      replied: 2,
      bounced: 1,
      unsubscribed: 2,
    });
  });

  it("buckets by hour", async () => {
    const res = await api("GET", `/api/v1/campaigns/${campaignId}/timeline`, {
      token: org.keys.integration.secret,
      query: { bucket: "hour", from: T0.toISOString(), to: at(6 * H).toISOString() },
    });
    expect(res.status).toBe(200);
    const hour = (h: number) => `2026-03-02T${String(h).padStart(2, "0")}:00:00.000Z`;
    expect(res.json.points).toEqual([
      { start: hour(9), ...zero, sent: 9, delivered: 7, bounced: 1 },
      { start: hour(10), ...zero, opened: 2, clicked: 1 },
      { start: hour(11), ...zero, opened: 1 },
      { start: hour(12), ...zero, unsubscribed: 1 },
      { start: hour(13), ...zero },
      { start: hour(14), ...zero, replied: 1 },
      { start: hour(15), ...zero },
    ]);
  });

  it("cuts days at local midnight in the requested zone, across a DST change", async () => {
    const db = await getDb();
    const id = await insertCampaign(org.id, "DST", [
      { id: "s1", delayDays: 0, delayHours: 0, variants: [variant("a", "A")] },
    ]);
    // Berlin moves to summer time on 2026-03-29: 21:30Z is 23:30 that day, 22:30Z the next.
    for (const sentAt of ["2026-03-29T21:30:00Z", "2026-03-29T22:30:00Z"]) {
      await db.insert(emailMessages).values({
        organizationId: org.id,
        kind: "campaign",
        fromAddress: "sales@example.test",
        toAddress: emails[1]!,
        subject: "DST",
        transport: "local_outbox",
        status: "sent",
        sentAt: new Date(sentAt),
        leadId: leadIds[1]!,
        campaignId: id,
        stepId: "s1",
        stepIndex: 0,
        variantId: "a",
      });
    }
    const res = await api("GET", `/api/v1/campaigns/${id}/timeline`, {
      token: org.members.owner.token,
      query: {
        bucket: "day",
        timezone: "Europe/Berlin",
        from: "2026-03-28T12:00:00Z",
        to: "2026-03-30T12:00:00Z",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.points.map((p: { start: string; sent: number }) => [p.start, p.sent])).toEqual([
      ["2026-03-27T23:00:00.000Z", 0],
      ["2026-03-28T23:00:00.000Z", 1],
      ["2026-03-29T22:00:00.000Z", 1],
    ]);
  });

  it("refuses bad ranges and buckets with a 400", async () => {
    const path = `/api/v1/campaigns/${campaignId}/timeline`;
    const token = org.members.owner.token;
    const bad: Record<string, string>[] = [
      { bucket: "week" },
      { from: "yesterday" },
      { from: at(D).toISOString(), to: T0.toISOString() },
      { bucket: "hour", from: T0.toISOString(), to: at(1001 * H).toISOString() },
      { timezone: "Mars/Olympus" },
      { unknown: "1" },
    ];
    for (const query of bad) {
      const res = await api("GET", path, { token, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json.code).toBe("validation_error");
    }
  });
});

describe("GET /campaigns/{id}/export", () => {
  const rows = (text: string) =>
    parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

  it("lists every recipient with state, last message and outcomes, formula-safe", async () => {
    const res = await api("GET", `/api/v1/campaigns/${campaignId}/export`, {
      token: org.members.owner.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="campaign-spring-outreach-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const data = rows(res.text);
    expect(data).toHaveLength(10);
    const byLead = new Map(data.map((r) => [r["Lead ID"], r]));
    expect(byLead.get(leadIds[1])).toEqual({
      "Lead Name": "Lead1 Test",
      Email: emails[1],
      Company: `'=HYPERLINK("http://evil.test")`,
      State: "replied",
      Reason: "",
      "Step Reached": "2",
      Mailbox: `sales-${org.id.slice(-8)}@example.test`,
      "Last Sent At": at(2 * D).toISOString(),
      "Last Message Subject": "Step 2 for L1",
      Opened: "yes",
      Clicked: "yes",
      Replied: "yes",
      "Lead ID": leadIds[1],
    });
    expect(byLead.get(leadIds[4])).toMatchObject({
      State: "bounced",
      Reason: "hard bounce",
      "Step Reached": "1",
      Opened: "no",
      Clicked: "no",
      Replied: "no",
    });
    // A bot's open is not an open; a reply known only from the inbox still shows.
    expect(byLead.get(leadIds[3])).toMatchObject({ Opened: "no" });
    expect(byLead.get(leadIds[6])).toMatchObject({ Opened: "yes", Replied: "yes" });
    expect(byLead.get(leadIds[9])).toMatchObject({
      State: "active",
      "Last Sent At": "",
      "Last Message Subject": "",
    });
  });

  it("holds only the leads the caller may see", async () => {
    const rep = rows(
      (
        await api("GET", `/api/v1/campaigns/${campaignId}/export`, {
          token: org.members.rep.token,
        })
      ).text,
    );
    expect(rep).toHaveLength(9);
    expect(rep.map((r) => r["Lead ID"])).not.toContain(leadIds[10]);
    const rep2 = rows(
      (
        await api("GET", `/api/v1/campaigns/${campaignId}/export`, {
          token: org.members.rep2.token,
        })
      ).text,
    );
    expect(rep2.map((r) => r["Lead ID"])).toContain(leadIds[10]);
  });
});

describe("GET /templates/{id}/usage", () => {
  it("names the campaigns and steps using the template and the messages sent from it", async () => {
    const draft = await insertCampaign(
      org.id,
      "Another user",
      [
        { id: "x1", delayDays: 0, delayHours: 0, variants: [variant("x", "X", templateId)] },
        { id: "x2", delayDays: 1, delayHours: 0, variants: [variant("y", "Y")] },
        { id: "x3", delayDays: 1, delayHours: 0, variants: [variant("z", "Z", templateId)] },
      ],
      { status: "draft" },
    );
    const res = await api("GET", `/api/v1/templates/${templateId}/usage`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      templateId,
      messagesSent: 4, // variant b sent to L6, L7, L8, L10 (L9 failed)
      lastSentAt: at(9).toISOString(),
      campaigns: [
        {
          id: draft,
          name: "Another user",
          status: "draft",
          steps: [
            { index: 0, id: "x1", variants: [{ id: "x", label: "X" }] },
            { index: 2, id: "x3", variants: [{ id: "z", label: "Z" }] },
          ],
          messagesSent: 0,
          lastSentAt: null,
        },
        {
          id: campaignId,
          name: "Spring outreach",
          status: "active",
          steps: [{ index: 0, id: "s1", variants: [{ id: "b", label: "B" }] }],
          messagesSent: 4,
          lastSentAt: at(9).toISOString(),
        },
      ],
    });
  });

  it("is empty for an unused template", async () => {
    const made = await api("POST", "/api/v1/templates", {
      token: org.members.owner.token,
      body: { name: "Unused", subject: "Hi", html: '<a href="{{unsubscribeUrl}}">u</a>' },
    });
    const res = await api("GET", `/api/v1/templates/${made.json.id}/usage`, {
      token: org.members.owner.token,
    });
    expect(res.json).toEqual({
      templateId: made.json.id,
      campaigns: [],
      messagesSent: 0,
      lastSentAt: null,
    });
  });
});

describe("GET /leads/{id}/campaigns", () => {
  it("shows the lead's membership, its messages in order and no suppression", async () => {
    const res = await api("GET", `/api/v1/leads/${leadIds[1]}/campaigns`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      leadId: leadIds[1],
      email: emails[1],
      suppressed: false,
      suppression: null,
    });
    // The other campaign's message and the test send are no membership.
    expect(res.json.campaigns).toHaveLength(1);
    expect(res.json.campaigns[0]).toMatchObject({
      campaign: { id: campaignId, name: "Spring outreach", status: "active" },
      state: "replied",
      nextStepIndex: 2,
      stepCount: 2,
      lastSentAt: at(2 * D).toISOString(),
    });
    expect(res.json.campaigns[0].messages).toEqual([
      expect.objectContaining({
        stepIndex: 0,
        subject: "Step 1 for L1",
        sentAt: at(0).toISOString(),
        openedAt: at(H).toISOString(),
        clickedAt: at(H + 5).toISOString(),
        repliedAt: null,
      }),
      expect.objectContaining({
        stepIndex: 1,
        subject: "Step 2 for L1",
        openedAt: at(2 * D + H).toISOString(),
        clickedAt: null,
        repliedAt: at(2 * D + 2 * H).toISOString(),
      }),
    ]);
  });

  it("says when the lead's address is suppressed", async () => {
    const res = await api("GET", `/api/v1/leads/${leadIds[5]}/campaigns`, {
      token: org.members.owner.token,
    });
    expect(res.json).toMatchObject({
      suppressed: true,
      suppression: { reason: "unsubscribed", campaignId },
    });
    expect(res.json.campaigns[0]).toMatchObject({ state: "unsubscribed", nextStepIndex: 1 });
  });

  it("is a 404 for a lead the caller can't see", async () => {
    const path = `/api/v1/leads/${leadIds[10]}/campaigns`;
    const hidden = await api("GET", path, { token: org.members.rep.token });
    expect(hidden.status).toBe(404);
    expect(hidden.json.code).toBe("not_found");
    const own = await api("GET", path, { token: org.members.rep2.token });
    expect(own.status).toBe(200);
    expect(own.json.campaigns).toHaveLength(1);
  });
});

describe("another organization", () => {
  it("finds none of it", async () => {
    for (const path of [
      `/api/v1/campaigns/${campaignId}/stats`,
      `/api/v1/campaigns/${campaignId}/timeline`,
      `/api/v1/campaigns/${campaignId}/export`,
      `/api/v1/templates/${templateId}/usage`,
      `/api/v1/leads/${leadIds[1]}/campaigns`,
    ]) {
      for (const token of [other.members.owner.token, other.keys.admin.secret]) {
        const res = await api("GET", path, { token });
        expect(res.status, path).toBe(404);
        expect(res.json.code).toBe("not_found");
      }
    }
    const notFound = await api("GET", `/api/v1/campaigns/${campaignId}/stats`, {
      token: other.members.owner.token,
    });
    expect(notFound.json.detail).toBe("Campaign not found");
  });

  it("doesn't leak into its own numbers", async () => {
    const id = await insertCampaign(other.id, "Theirs", []);
    const res = await api("GET", `/api/v1/campaigns/${id}/stats`, {
      token: other.members.owner.token,
    });
    expect(res.json).toMatchObject({ totalLeads: 0, contactedLeads: 0, steps: [] });
  });
});
