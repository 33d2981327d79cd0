import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
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

    // The inbox has a lead's unread answer to a rep's email and an unmatched stranger's message.
    const threads = await db
      .select()
      .from(conversations)
      .where(eq(conversations.organizationId, orgId));
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ unreadCount: 1, needsReply: true });
    const inbound = await db
      .select()
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.organizationId, orgId),
          eq(conversationMessages.direction, "inbound"),
        ),
      );
    expect(inbound.map((m) => m.matchedBy).sort()).toEqual(["none", "thread"]);
    expect(inbound.find((m) => m.matchedBy === "thread")!.body).toBe(
      "Saturday morning works for me. Is parking included?",
    );

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
