import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversationMessages, conversations, leads, memberships } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { insertActivity, insertLead } from "@/lib/testing/campaign-people-analytics-fixtures";
import { getLoginNow } from "./login-now";
import { bucketStarts } from "./activity-buckets";

/**
 * March 2026. The rep's leads: A1 (assigned 3 March, written to, won 20 March, 1,000 USD), A2
 * (assigned 4 March, untouched, open, 400 USD), A3 (assigned 5 March, called, open, 600 EUR), A4
 * (assigned in February, won 15 March, 2,000 USD). The second rep's B1 (assigned 6 March, won
 * 10 March, 300 EUR). Replies on A1 answered by the rep after 30 min, 2 h (the other rep's answer
 * in between doesn't count) and 10 min; an auto-reply and an unanswered reply don't count.
 * Activities: rep — logins 2 and 3 March, calls 5 and 6 March, an email 6 March, a follow-up
 * 9 March, a call on 20 February (the previous period); rep2 — login 2 March, email 10 March;
 * manager — login 31 March.
 */
const PERIOD = { from: "2026-03-01", to: "2026-03-31" };
const t = (iso: string) => new Date(`${iso}Z`);

let org: TestOrg;
let other: TestOrg;
let a3: string;

async function message(
  leadId: string,
  conversationId: string,
  direction: "inbound" | "outbound",
  at: string,
  extra: Partial<typeof conversationMessages.$inferInsert> = {},
) {
  const db = await getDb();
  await db.insert(conversationMessages).values({
    organizationId: org.id,
    conversationId,
    leadId,
    direction,
    author: direction === "inbound" ? "lead" : "user",
    status: direction === "inbound" ? "received" : "sent",
    occurredAt: t(at),
    ...extra,
  });
}

beforeAll(async () => {
  org = await createTestOrg("People analytics");
  other = await createTestOrg("People analytics other");
  const db = await getDb();
  const { rep, rep2, manager } = org.members;
  const lead = async (values: Parameters<typeof insertLead>[1], assignedAt: string) => {
    const id = await insertLead(org, values);
    await db
      .update(leads)
      .set({ assignedAt: t(assignedAt) })
      .where(eq(leads.id, id));
    return id;
  };
  const a1 = await lead(
    {
      displayName: "A1",
      ownerId: rep.id,
      status: "won",
      wonAt: t("2026-03-20T12:00:00"),
      dealValue: 1000,
      dealCurrency: "USD",
    },
    "2026-03-03T09:00:00",
  );
  await lead(
    { displayName: "A2", ownerId: rep.id, dealValue: 400, dealCurrency: "USD" },
    "2026-03-04T09:00:00",
  );
  a3 = await lead(
    {
      displayName: "A3",
      ownerId: rep.id,
      status: "qualified",
      dealValue: 600,
      dealCurrency: "EUR",
    },
    "2026-03-05T09:00:00",
  );
  await lead(
    {
      displayName: "A4",
      ownerId: rep.id,
      status: "won",
      wonAt: t("2026-03-15T12:00:00"),
      dealValue: 2000,
    },
    "2026-02-10T09:00:00",
  );
  await lead(
    {
      displayName: "B1",
      ownerId: rep2.id,
      status: "won",
      wonAt: t("2026-03-10T12:00:00"),
      dealValue: 300,
      dealCurrency: "EUR",
    },
    "2026-03-06T09:00:00",
  );

  const [conv] = await db
    .insert(conversations)
    .values({ organizationId: org.id, leadId: a1 })
    .returning({ id: conversations.id });
  const c = conv!.id;
  const byRep = { authorUserId: rep.id };
  await message(a1, c, "inbound", "2026-03-10T10:00:00");
  await message(a1, c, "outbound", "2026-03-10T10:30:00", byRep);
  await message(a1, c, "inbound", "2026-03-12T09:00:00");
  await message(a1, c, "outbound", "2026-03-12T09:10:00", { authorUserId: rep2.id });
  await message(a1, c, "outbound", "2026-03-12T11:00:00", byRep);
  await message(a1, c, "inbound", "2026-03-14T08:00:00", { inboundKind: "auto_reply" });
  await message(a1, c, "inbound", "2026-03-16T08:00:00");
  await message(a1, c, "outbound", "2026-03-16T08:10:00", byRep);
  await message(a1, c, "inbound", "2026-03-18T08:00:00");

  await insertActivity(org, rep.id, "login", t("2026-03-02T09:00:00"));
  await insertActivity(org, rep.id, "login", t("2026-03-03T09:00:00"));
  await insertActivity(org, rep.id, "call", t("2026-03-05T10:00:00"), {
    leadId: a3,
    outcome: "connected",
    durationSeconds: 120,
  });
  await insertActivity(org, rep.id, "call", t("2026-03-06T10:00:00"), { outcome: "no_answer" });
  await insertActivity(org, rep.id, "email", t("2026-03-06T11:00:00"));
  await insertActivity(org, rep.id, "follow_up", t("2026-03-09T15:00:00"));
  await insertActivity(org, rep.id, "call", t("2026-02-20T10:00:00"));
  await insertActivity(org, rep2.id, "login", t("2026-03-02T08:00:00"));
  await insertActivity(org, rep2.id, "email", t("2026-03-10T08:00:00"));
  await insertActivity(org, manager.id, "login", t("2026-03-31T23:59:00"));
});

const get = (path: string, token: string, query: Record<string, string> = {}) =>
  api("GET", path, { token, query: { ...PERIOD, ...query } });

describe("GET /reports/salesperson-report", () => {
  it("gives each member's leads, conversions, money, response time and activity exactly", async () => {
    const res = await get("/api/v1/reports/salesperson-report", org.members.admin.token);
    expect(res.status).toBe(200);
    expect(res.json.currency).toBe("USD");
    expect(res.json.members).toHaveLength(5);
    const row = (id: string) => res.json.members.find((m: { userId: string }) => m.userId === id);
    expect(row(org.members.rep.id)).toMatchObject({
      role: "sales_rep",
      leadsAssigned: 3,
      contacted: 2,
      converted: 1,
      conversionRate: 0.3333,
      won: 2,
      wonValue: 3000,
      wonByCurrency: [],
      averageDealValue: 1500,
      pipelineValue: 400,
      pipelineByCurrency: [{ currency: "EUR", amount: 600 }],
      openDeals: 2,
      medianResponseSeconds: 1800,
      repliesAnswered: 3,
      calls: 2,
      emails: 1,
    });
    expect(row(org.members.rep2.id)).toMatchObject({
      leadsAssigned: 1,
      contacted: 0,
      converted: 1,
      conversionRate: 1,
      won: 1,
      wonValue: 0,
      wonByCurrency: [{ currency: "EUR", amount: 300 }],
      averageDealValue: null,
      pipelineValue: 0,
      medianResponseSeconds: null,
      repliesAnswered: 0,
      calls: 0,
      emails: 1,
    });
    expect(row(org.members.owner.id)).toMatchObject({
      leadsAssigned: 0,
      conversionRate: null,
      won: 0,
    });
  });

  it("a rep sees only their own row, a manager their team's; another organization none of it", async () => {
    const rep = await get("/api/v1/reports/salesperson-report", org.members.rep.token);
    expect(rep.json.members.map((m: { userId: string }) => m.userId)).toEqual([org.members.rep.id]);
    const sneaky = await get("/api/v1/reports/salesperson-report", org.members.rep.token, {
      ownerId: org.members.rep2.id,
    });
    expect(sneaky.json.members).toEqual([]);
    const manager = await get("/api/v1/reports/salesperson-report", org.members.manager.token);
    expect(new Set(manager.json.members.map((m: { userId: string }) => m.userId))).toEqual(
      new Set([org.members.manager.id, org.members.rep.id, org.members.rep2.id]),
    );
    const foreign = await get("/api/v1/reports/salesperson-report", other.members.owner.token, {
      ownerId: org.members.rep.id,
    });
    expect(foreign.json.members).toEqual([]);
    const bad = await get("/api/v1/reports/salesperson-report", org.members.admin.token, {
      interval: "hour",
    });
    expect(bad.status).toBe(400);
  });
});

describe("GET /reports/activity-report", () => {
  it("counts each member's logins, calls, emails and follow-ups per ISO week, every week present", async () => {
    const res = await get("/api/v1/reports/activity-report", org.members.admin.token, {
      interval: "week",
    });
    expect(res.status).toBe(200);
    const rep = res.json.members.find((m: { userId: string }) => m.userId === org.members.rep.id);
    expect(rep.series.map((b: { bucket: string }) => b.bucket)).toEqual([
      "2026-02-23",
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
    ]);
    expect(rep.series[1]).toEqual({
      bucket: "2026-03-02",
      logins: 2,
      calls: 2,
      emails: 1,
      followUps: 0,
      meetings: 0,
      notes: 0,
    });
    expect(rep.series[2]).toMatchObject({ followUps: 1, calls: 0 });
    expect(rep.series[0]).toMatchObject({ logins: 0, calls: 0 });
    expect(rep.totals).toMatchObject({ logins: 2, calls: 2, emails: 1, followUps: 1 });
    expect(res.json.totals).toMatchObject({ logins: 4, calls: 2, emails: 2, followUps: 1 });
    const manager = res.json.members.find(
      (m: { userId: string }) => m.userId === org.members.manager.id,
    );
    expect(manager.series[5]).toMatchObject({ bucket: "2026-03-30", logins: 1 });
  });

  it("per day: 31 buckets; reps see their own, managers their team", async () => {
    const res = await get("/api/v1/reports/activity-report", org.members.rep.token);
    expect(res.json.members).toHaveLength(1);
    const series = res.json.members[0].series;
    expect(series).toHaveLength(31);
    expect(series.find((b: { bucket: string }) => b.bucket === "2026-03-06")).toMatchObject({
      calls: 1,
      emails: 1,
    });
    const manager = await get("/api/v1/reports/activity-report", org.members.manager.token);
    expect(manager.json.members).toHaveLength(3);
    expect(manager.json.totals).toMatchObject({ logins: 4, emails: 2 });
    const foreign = await get("/api/v1/reports/activity-report", other.members.owner.token);
    expect(foreign.json.totals).toMatchObject({ logins: 0, calls: 0 });
  });

  it("bucket starts cover the period, weeks from Monday, months from the first", () => {
    expect(bucketStarts(t("2026-03-01T00:00:00"), t("2026-04-01T00:00:00"), "month")).toEqual([
      "2026-03-01",
    ]);
    expect(bucketStarts(t("2026-01-30T00:00:00"), t("2026-03-02T00:00:00"), "month")).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
    expect(bucketStarts(t("2026-03-04T00:00:00"), t("2026-03-10T00:00:00"), "week")).toEqual([
      "2026-03-02",
      "2026-03-09",
    ]);
  });
});

describe("GET /activity/company-activity", () => {
  it("totals per kind per day, the previous period, and active members, in scope", async () => {
    const res = await get("/api/v1/activity/company-activity", org.members.admin.token);
    expect(res.status).toBe(200);
    expect(res.json.totals).toEqual({
      logins: 4,
      calls: 2,
      emails: 2,
      followUps: 1,
      meetings: 0,
      notes: 0,
    });
    expect(res.json.previousTotals).toMatchObject({ calls: 1, logins: 0 });
    expect(res.json.activeMembers).toBe(3);
    expect(res.json.series).toHaveLength(31);
    expect(res.json.series[1]).toMatchObject({ bucket: "2026-03-02", logins: 2 });
    const rep = await get("/api/v1/activity/company-activity", org.members.rep.token);
    expect(rep.json.totals).toMatchObject({ logins: 2, calls: 2, emails: 1 });
    expect(rep.json.activeMembers).toBe(1);
    const foreign = await get("/api/v1/activity/company-activity", other.members.admin.token);
    expect(foreign.json.totals.logins).toBe(0);
  });
});

describe("GET /activity/user-activity", () => {
  it("pages a member's acts newest first, with totals and a daily count", async () => {
    const first = await get("/api/v1/activity/user-activity", org.members.rep.token, {
      limit: "4",
    });
    expect(first.status).toBe(200);
    expect(first.json.user).toMatchObject({ userId: org.members.rep.id, role: "sales_rep" });
    expect(first.json.totals).toMatchObject({ logins: 2, calls: 2, emails: 1, followUps: 1 });
    expect(first.json.daily).toHaveLength(31);
    expect(first.json.data.map((a: { kind: string }) => a.kind)).toEqual([
      "follow_up",
      "email",
      "call",
      "call",
    ]);
    expect(first.json.data[3]).toMatchObject({
      leadId: a3,
      leadName: "A3",
      outcome: "connected",
      durationSeconds: 120,
      occurredAt: "2026-03-05T10:00:00.000Z",
    });
    const second = await get("/api/v1/activity/user-activity", org.members.rep.token, {
      limit: "4",
      cursor: first.json.nextCursor,
    });
    expect(second.json.data.map((a: { occurredAt: string }) => a.occurredAt)).toEqual([
      "2026-03-03T09:00:00.000Z",
      "2026-03-02T09:00:00.000Z",
    ]);
    expect(second.json.nextCursor).toBeNull();
    const calls = await get("/api/v1/activity/user-activity", org.members.rep.token, {
      kind: "call",
    });
    expect(calls.json.data).toHaveLength(2);
  });

  it("a rep sees only their own, a manager the team's, another organization's member is a 404", async () => {
    const repOnOther = await get("/api/v1/activity/user-activity", org.members.rep.token, {
      userId: org.members.rep2.id,
    });
    expect(repOnOther.status).toBe(403);
    const manager = await get("/api/v1/activity/user-activity", org.members.manager.token, {
      userId: org.members.rep2.id,
    });
    expect(manager.status).toBe(200);
    expect(manager.json.totals).toMatchObject({ logins: 1, emails: 1 });
    const managerOnAdmin = await get("/api/v1/activity/user-activity", org.members.manager.token, {
      userId: org.members.admin.id,
    });
    expect(managerOnAdmin.status).toBe(403);
    const foreign = await get("/api/v1/activity/user-activity", other.members.owner.token, {
      userId: org.members.rep.id,
    });
    expect(foreign.status).toBe(404);
    const key = await get("/api/v1/activity/user-activity", org.keys.integration.secret);
    expect(key.status).toBe(400);
    for (const q of [
      { cursor: "!!" },
      { userId: "nope" },
      { limit: "0" },
      { kind: "nap" },
    ] as Record<string, string>[]) {
      const bad = await get("/api/v1/activity/user-activity", org.members.rep.token, q);
      expect(bad.status, JSON.stringify(q)).toBe(400);
    }
  });
});

describe("GET /activity/login-now", () => {
  it("lists members seen in the last five minutes, people only", async () => {
    const db = await getDb();
    const seen = async (userId: string, at: Date) =>
      db
        .update(memberships)
        .set({ lastSeenAt: at })
        .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, userId)));
    // Every member's last-seen time set here (requests of the earlier tests touched some).
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await seen(org.members.owner.id, ago(30));
    await seen(org.members.admin.id, ago(10));
    await seen(org.members.rep.id, ago(2));
    await seen(org.members.rep2.id, ago(6));
    await seen(org.members.manager.id, ago(1));
    const direct = await getLoginNow(org.ctx("rep"), now);
    expect(direct.members.map((m) => m.userId)).toEqual([
      org.members.manager.id,
      org.members.rep.id,
    ]);
    expect(direct.members[1]).toMatchObject({
      role: "sales_rep",
      lastSeenAt: ago(2).toISOString(),
    });
    const at = new Date(now.getTime() + 3 * 60_000 + 30_000);
    const later = await getLoginNow(org.ctx("admin"), at);
    expect(later.members.map((m) => m.userId)).toEqual([org.members.manager.id]);
    expect(later.since).toBe(new Date(at.getTime() - 5 * 60_000).toISOString());

    // Over HTTP (the caller's own request may mark them as seen, so only the others are asserted).
    const res = await api("GET", "/api/v1/activity/login-now", { token: org.members.rep2.token });
    expect(res.status).toBe(200);
    const ids = res.json.members.map((m: { userId: string }) => m.userId);
    expect(ids).toContain(org.members.manager.id);
    expect(ids).toContain(org.members.rep.id);
    expect(ids).not.toContain(org.members.admin.id);
    expect(ids).not.toContain(org.members.owner.id);

    const key = await api("GET", "/api/v1/activity/login-now", {
      token: org.keys.integration.secret,
    });
    expect(key.status).toBe(403);
    const foreign = await api("GET", "/api/v1/activity/login-now", {
      token: other.members.owner.token,
    });
    const foreignIds = foreign.json.members.map((m: { userId: string }) => m.userId);
    expect(foreignIds).not.toContain(org.members.manager.id);
    expect(foreignIds).not.toContain(org.members.rep.id);
    const junk = await api("GET", "/api/v1/activity/login-now", {
      token: org.members.rep.token,
      query: { who: "all" },
    });
    expect(junk.status).toBe(400);
  });
});
