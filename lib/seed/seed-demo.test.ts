import { describe, expect, it } from "vitest";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  conversationMessages,
  conversations,
  leadNotes,
  leads,
  listings,
  mailboxes,
  memberships,
  reminders,
  userActivities,
  users,
} from "@/db/schema";
import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getDashboard } from "@/lib/analytics/dashboard";
import { getKpis } from "@/lib/analytics/kpis";
import { rebuildAnalyticsRollups } from "@/lib/analytics/rollups/rebuild-rollups";
import { systemCtx } from "@/lib/context";
import { DEMO_LEAD_COUNT } from "./seed-demo-leads";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, DEMO_USERS, formatDemoLogins } from "./demo-users";
import { seedDemoData, seedIfEmpty } from "./seed-demo";

describe("demo seed", () => {
  it("creates one organization with a user of each role, reps reporting to the manager", async () => {
    const db = await getDb();
    const result = await seedIfEmpty(db);
    expect(result?.created).toBe(true);
    const rows = await db
      .select({
        email: users.email,
        role: memberships.role,
        managerId: memberships.managerId,
        passwordHash: users.passwordHash,
        userId: users.id,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, result!.organizationId));
    expect(rows.map((r) => r.role).sort()).toEqual([
      "admin",
      "manager",
      "owner",
      "sales_rep",
      "sales_rep",
    ]);
    const manager = rows.find((r) => r.role === "manager")!;
    expect(
      rows.filter((r) => r.role === "sales_rep").every((r) => r.managerId === manager.userId),
    ).toBe(true);
    expect(await verifyPassword(rows[0]!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$/);

    // A pipeline to work: leads spread over the team and the unassigned pool, with notes.
    const demoLeads = await db
      .select({ ownerId: leads.ownerId, status: leads.status, email: leads.email })
      .from(leads)
      .where(eq(leads.organizationId, result!.organizationId));
    expect(demoLeads).toHaveLength(DEMO_LEAD_COUNT);
    expect(new Set(demoLeads.map((l) => l.ownerId)).size).toBe(4);
    expect(new Set(demoLeads.map((l) => l.status)).size).toBeGreaterThan(5);
    expect(demoLeads.every((l) => l.email?.endsWith(".demo.test"))).toBe(true);
    expect(
      await db.$count(leadNotes, eq(leadNotes.organizationId, result!.organizationId)),
    ).toBeGreaterThan(10);

    // A week in progress: some leads inquired and score hot; each owner has follow-ups due.
    const byTemperature = await db
      .select({ temperature: leads.temperature })
      .from(leads)
      .where(eq(leads.organizationId, result!.organizationId));
    expect(byTemperature.filter((l) => l.temperature === "hot").length).toBeGreaterThan(5);
    const due = await db
      .select({ assigneeId: reminders.assigneeId, dueAt: reminders.dueAt })
      .from(reminders)
      .where(eq(reminders.organizationId, result!.organizationId));
    expect(new Set(due.map((r) => r.assigneeId)).size).toBe(3);
    expect(due.some((r) => r.dueAt.getTime() < Date.now())).toBe(true);
    expect(due.some((r) => r.dueAt.getTime() > Date.now())).toBe(true);

    // Outreach to try: a default mailbox and a three-step draft campaign with recipients.
    const orgId = result!.organizationId;
    const [mailbox] = await db.select().from(mailboxes).where(eq(mailboxes.organizationId, orgId));
    expect(mailbox).toMatchObject({ isDefault: true, transport: "local_outbox" });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.organizationId, orgId));
    expect(campaign).toMatchObject({ status: "draft", mailboxIds: [mailbox!.id] });
    expect(campaign!.steps).toHaveLength(3);
    expect(campaign!.steps[1]!.variants).toHaveLength(2);
    const recipients = await db
      .select({ state: campaignRecipients.state })
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, campaign!.id));
    expect(recipients.length).toBeGreaterThan(10);
    expect(recipients.every((r) => r.state === "queued")).toBe(true);

    // The inbox: months of answered threads, a lead's unread answer to a rep's email today, and
    // an unmatched stranger's message.
    const threads = await db
      .select()
      .from(conversations)
      .where(eq(conversations.organizationId, orgId));
    expect(threads.length).toBeGreaterThan(20);
    expect(
      threads.find((t) => t.preview === "Saturday morning works for me. Is parking included?"),
    ).toMatchObject({ unreadCount: 1, needsReply: true });
    const inbound = await db
      .select()
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.organizationId, orgId),
          eq(conversationMessages.direction, "inbound"),
        ),
      );
    expect(inbound.filter((m) => m.matchedBy === "none")).toHaveLength(1);
    expect(
      inbound.find((m) => m.body === "Saturday morning works for me. Is parking included?"),
    ).toMatchObject({ matchedBy: "thread", readAt: null });
    expect(inbound.filter((m) => m.readAt !== null).length).toBeGreaterThan(20);

    // Analytics has something true to show: deals, outcomes over months, listings, team activity.
    const deals = await db
      .select({
        status: leads.status,
        dealValue: leads.dealValue,
        expectedCloseDate: leads.expectedCloseDate,
        wonAt: leads.wonAt,
      })
      .from(leads)
      .where(eq(leads.organizationId, orgId));
    const withDeal = deals.filter((l) => l.dealValue !== null);
    expect(withDeal.length).toBeGreaterThan(DEMO_LEAD_COUNT / 4);
    const won = deals.filter((l) => l.status === "won");
    expect(won.length).toBeGreaterThan(0);
    expect(won.every((l) => l.wonAt && l.dealValue)).toBe(true);
    const sixMonths = Date.now() - 181 * 86_400_000;
    expect(won.every((l) => l.wonAt!.getTime() > sixMonths)).toBe(true);
    expect(withDeal.some((l) => l.expectedCloseDate !== null)).toBe(true);
    expect(campaign!.costAmount).toBeGreaterThan(0);
    const demoListings = await db
      .select({ status: listings.status, location: listings.location })
      .from(listings)
      .where(eq(listings.organizationId, orgId));
    expect(demoListings).toHaveLength(20);
    expect(demoListings.some((l) => l.status === "sold")).toBe(true);
    expect(new Set(demoListings.map((l) => l.location)).size).toBe(4);
    const acts = await db
      .select({ kind: userActivities.kind, userId: userActivities.userId })
      .from(userActivities)
      .where(eq(userActivities.organizationId, orgId));
    expect(new Set(acts.map((a) => a.kind))).toEqual(
      new Set(["login", "call", "email", "follow_up"]),
    );
    expect(new Set(acts.map((a) => a.userId)).size).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("gives the pipeline six months of coherent history, so the dashboard's trends move", async () => {
    const db = await getDb();
    const { organizationId: orgId } = await seedDemoData(db);
    const ctx = systemCtx(db, orgId);
    const { kpis } = await getKpis(ctx, analyticsQuery.parse({}));
    const kpi = (key: string) => kpis.find((k) => k.key === key)!;
    for (const key of ["new_leads", "contacted", "qualified"]) {
      expect(kpi(key).value, key).toBeGreaterThan(0);
      expect(kpi(key).previous, key).toBeGreaterThan(0);
    }
    expect(kpi("new_leads").value).toBeGreaterThan(kpi("new_leads").previous!);
    expect(kpi("speed_to_lead").value).toBeGreaterThan(60);
    expect(kpi("speed_to_lead").value).toBeLessThan(2 * 86_400);
    expect(kpi("reply_rate").value).toBeGreaterThan(0);
    expect(kpi("reply_rate").value).toBeLessThan(1);
    // Backdating created_at moves the live lead counters too (their trigger follows every counted
    // column since 0035): the per-day counts equal the leads'.
    const mismatched = await queryRows(
      db,
      sql`with live as (
            select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
              from leads where organization_id = ${orgId} and deleted_at is null group by 1),
          counted as (
            select value as day, sum(count)::int as n from lead_counts
             where organization_id = ${orgId} and dimension = 'created_day'
             group by 1 having sum(count) <> 0)
          select * from live full join counted using (day)
           where live.n is distinct from counted.n`,
    );
    expect(mismatched).toEqual([]);
    // The seed writes through the tables' triggers, so the analytics rollups need no repair.
    await rebuildAnalyticsRollups(db, orgId);
    expect((await getKpis(ctx, analyticsQuery.parse({}))).kpis).toEqual(kpis);
    const { series } = await getDashboard(
      ctx,
      analyticsQuery.parse({ range: "90d", interval: "week" }),
    );
    const rates = series.map((b) => b.replyRate).filter((r) => r !== null);
    expect(rates.length).toBeGreaterThan(6);
    expect(new Set(rates).size).toBeGreaterThan(2);

    // Leads came in over six months, more of them lately.
    const created = await db
      .select({ createdAt: leads.createdAt })
      .from(leads)
      .where(eq(leads.organizationId, orgId));
    const ages = created.map((l) => (Date.now() - l.createdAt.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(150);
    expect(Math.max(...ages)).toBeLessThanOrEqual(181);
    expect(ages.filter((a) => a < 60).length).toBeGreaterThan(ages.filter((a) => a >= 120).length);

    // Nothing about a lead happens before it exists or after now.
    const now = new Date().toISOString();
    const [outside] = await queryRows<Record<string, number>>(
      db,
      sql`with l as (select id, created_at from leads where organization_id = ${orgId}),
          t(kind, lead_id, at) as (
            select 'status change', lead_id, changed_at from lead_status_changes
             where organization_id = ${orgId}
            union all select 'timeline', lead_id, occurred_at from lead_activities
             where organization_id = ${orgId}
            union all select 'message', lead_id, occurred_at from conversation_messages
             where organization_id = ${orgId} and lead_id is not null
            union all select 'thread', lead_id, created_at from conversations
             where organization_id = ${orgId}
            union all select 'team activity', lead_id, occurred_at from user_activities
             where organization_id = ${orgId} and lead_id is not null
            union all select 'note', lead_id, created_at from lead_notes where organization_id = ${orgId}
            union all select 'inquiry', lead_id, created_at from lead_inquiries
             where organization_id = ${orgId}
            union all select 'follow-up', lead_id, created_at from reminders
             where organization_id = ${orgId}
            union all select 'recipient', lead_id, created_at from campaign_recipients
             where organization_id = ${orgId}
            union all select 'lead dates', id, unnest(array[updated_at, assigned_at, won_at, lost_at,
                                                            last_contacted_at])
              from leads where organization_id = ${orgId})
          select count(*) filter (where t.at < l.created_at)::int as before_created,
                 count(*) filter (where t.at > ${now}::timestamptz)::int as in_future,
                 count(*)::int as checked
            from t join l on l.id = t.lead_id`,
    );
    expect(outside).toMatchObject({ before_created: 0, in_future: 0 });
    expect(outside!.checked).toBeGreaterThan(2000);

    // Each lead's status history leads, step by step, to its status (and won/lost date) now.
    const [path] = await queryRows<Record<string, number>>(
      db,
      sql`with c as (
            select sc.lead_id, sc.from_status, sc.to_status, sc.changed_at,
                   lag(sc.to_status) over w as prev_to, row_number() over w as n,
                   count(*) over (partition by sc.lead_id) as total
              from lead_status_changes sc where sc.organization_id = ${orgId}
            window w as (partition by sc.lead_id order by sc.changed_at, sc.id))
          select
            count(*) filter (where c.n > 1 and c.from_status is distinct from c.prev_to)::int
              as broken_chain,
            count(*) filter (where c.n = c.total and (c.to_status <> l.status
              or l.reached_statuses[array_length(l.reached_statuses, 1)] <> l.status
              or array_length(l.reached_statuses, 1) <> c.total + 1
              or (l.status = 'won' and l.won_at <> c.changed_at)
              or (l.status = 'lost' and l.lost_at <> c.changed_at)))::int as wrong_end,
            count(*) filter (where c.to_status = 'qualified'
              and c.changed_at > now() - interval '60 days')::int as qualified_lately
            from c join leads l on l.id = c.lead_id`,
    );
    expect(path).toMatchObject({ broken_chain: 0, wrong_end: 0 });
    expect(path!.qualified_lately).toBeGreaterThan(5);
    const uncontacted = await db.$count(
      leads,
      and(eq(leads.organizationId, orgId), ne(leads.status, "new"), isNull(leads.lastContactedAt)),
    );
    expect(uncontacted).toBe(0);
  }, 60_000);

  it("is idempotent, and never reseeds a database in use", async () => {
    const db = await getDb();
    const again = await seedDemoData(db);
    expect(again.created).toBe(false);
    expect(await seedIfEmpty(db)).toBeNull();
    expect(await db.select().from(users)).toHaveLength(DEMO_USERS.length);
  });

  it("prints every login with the password", () => {
    const text = formatDemoLogins();
    for (const u of DEMO_USERS) expect(text).toContain(u.email);
    expect(text).toContain(DEMO_PASSWORD);
  });
});
