import { getDb } from "@/db/client";
import { conversationMessages, leads, userActivities } from "@/db/schema";
import type { TestOrg } from "@/lib/testing/fixtures";

/** Tests only: the clock and period every report test uses. */
export const REPORT_NOW = new Date("2026-03-10T12:00:00Z");
export const REPORT_PERIOD = { from: "2026-03-01", to: "2026-03-10" };

const at = (iso: string) => new Date(`${iso}Z`);

/**
 * Tests only: a small hand-built organization history with known answers. In March 1–10 2026:
 * five live leads (two of the rep's, two of rep2's, one unassigned), four deals (one in EUR),
 * five messages, four activities; plus a lead from February and a deleted lead, both never counted.
 */
export async function seedReportDataset(org: TestOrg) {
  const db = await getDb();
  const { rep, rep2 } = org.members;
  const base = { organizationId: org.id, displayName: "x" };
  const rows = await db
    .insert(leads)
    .values([
      {
        ...base,
        displayName: "L1",
        ownerId: rep.id,
        source: "website",
        industry: "software",
        country: "DE",
        status: "won",
        score: 50,
        dealValue: 1000,
        dealCurrency: "USD",
        wonAt: at("2026-03-05T10:00:00"),
        createdAt: at("2026-03-02T09:00:00"),
      },
      {
        ...base,
        displayName: "L2",
        ownerId: rep.id,
        source: "website",
        status: "lost",
        score: 30,
        dealValue: 500,
        lostAt: at("2026-03-06T10:00:00"),
        createdAt: at("2026-03-02T15:00:00"),
      },
      {
        ...base,
        displayName: "L3",
        ownerId: rep2.id,
        source: "referral",
        status: "new",
        score: 70,
        dealValue: 2000,
        dealCurrency: "USD",
        expectedCloseDate: "2026-04-15",
        createdAt: at("2026-03-03T09:00:00"),
      },
      {
        ...base,
        displayName: "L4",
        ownerId: rep2.id,
        source: "referral",
        status: "won",
        score: 10,
        dealValue: 3000,
        dealCurrency: "EUR",
        wonAt: at("2026-03-08T10:00:00"),
        createdAt: at("2026-03-04T09:00:00"),
      },
      {
        ...base,
        displayName: "L5",
        ownerId: null,
        status: "new",
        createdAt: at("2026-03-09T09:00:00"),
      },
      {
        ...base,
        displayName: "Old",
        ownerId: rep.id,
        source: "website",
        status: "won",
        dealValue: 9999,
        wonAt: at("2026-02-10T10:00:00"),
        createdAt: at("2026-02-01T09:00:00"),
      },
      {
        ...base,
        displayName: "Deleted",
        ownerId: rep.id,
        source: "website",
        status: "new",
        dealValue: 7777,
        createdAt: at("2026-03-02T09:00:00"),
        deletedAt: at("2026-03-03T09:00:00"),
      },
    ])
    .returning({ id: leads.id, name: leads.displayName });
  const id = (name: string) => rows.find((r) => r.name === name)!.id;

  const message = {
    organizationId: org.id,
    channel: "email" as const,
    author: "system" as const,
    status: "sent" as const,
  };
  await db.insert(conversationMessages).values([
    { ...message, leadId: id("L1"), direction: "outbound", occurredAt: at("2026-03-02T10:00:00") },
    { ...message, leadId: id("L2"), direction: "outbound", occurredAt: at("2026-03-02T10:00:00") },
    {
      ...message,
      leadId: id("L1"),
      direction: "inbound",
      author: "lead",
      status: "received",
      inboundKind: "human_reply",
      occurredAt: at("2026-03-03T10:00:00"),
    },
    {
      ...message,
      leadId: id("L2"),
      direction: "inbound",
      author: "lead",
      status: "received",
      inboundKind: "auto_reply",
      occurredAt: at("2026-03-03T11:00:00"),
    },
    {
      ...message,
      leadId: id("L3"),
      channel: "sms",
      direction: "outbound",
      author: "user",
      occurredAt: at("2026-03-04T10:00:00"),
    },
  ]);

  await db.insert(userActivities).values([
    {
      organizationId: org.id,
      userId: rep.id,
      kind: "call",
      leadId: id("L1"),
      outcome: "connected",
      durationSeconds: 120,
      occurredAt: at("2026-03-02T10:00:00"),
    },
    {
      organizationId: org.id,
      userId: rep.id,
      kind: "call",
      leadId: id("L2"),
      outcome: "no_answer",
      durationSeconds: 60,
      occurredAt: at("2026-03-02T11:00:00"),
    },
    {
      organizationId: org.id,
      userId: rep2.id,
      kind: "login",
      occurredAt: at("2026-03-03T08:00:00"),
    },
    {
      organizationId: org.id,
      userId: rep.id,
      kind: "email",
      leadId: id("L1"),
      occurredAt: at("2026-03-09T08:00:00"),
    },
  ]);
  return { leadId: id };
}
