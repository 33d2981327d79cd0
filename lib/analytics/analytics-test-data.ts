import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  conversationMessages,
  leadStatusChanges,
  leads,
  listings,
  userActivities,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import type { TestOrg } from "@/lib/testing/fixtures";

/**
 * The small hand-built dataset the analytics tests assert exact numbers on (tests only). Period
 * under test: 2026-03-01 … 2026-03-10 (previous: 2026-02-19 … 2026-02-28); NOW is 2026-03-15.
 *
 *  L1 rep   website  created 03-02 10:00  new→contacted 03-03→qualified 03-04→won 03-06 10:00
 *                    1000 USD, score 85 hot; email 03-02 11:00, reply 03-02 15:00
 *  L2 rep2  website  created 03-03 00:00  new→contacted 03-03 12:00→lost 03-05 12:00
 *                    500 USD, score 45 warm; call 03-03 02:00
 *  L3 admin referral created 03-05 00:00  new→qualified 03-07; open, 2000 EUR, close 2026-04-15
 *                    score 15 cold; email 03-06 00:00, auto-reply 03-06 01:00
 *  L4 rep   (none)   created 03-08 00:00  new; open, 300 USD, close 2026-05-02; score 72 warm
 *  L5 rep   referral created 02-20 00:00  new→won 03-09 00:00; 2500 USD; score 60 warm;
 *                    email 02-21, reply 02-22; company "Acme"
 *  L6 rep2  website  created 02-25 00:00  new→won 02-27 00:00; 800 USD; score 30 cold; "ACME "
 */
export const NOW = new Date("2026-03-15T12:00:00Z");
export const PERIOD = { from: "2026-03-01", to: "2026-03-10" };
const at = (s: string) => new Date(`2026-${s}Z`);

export interface AnalyticsData {
  leads: Record<"l1" | "l2" | "l3" | "l4" | "l5" | "l6", string>;
  campaigns: { c1: string; c2: string };
}

interface LeadSpec {
  owner: keyof TestOrg["members"];
  source: string | null;
  created: string;
  status: string;
  history: [string, string][];
  score: number;
  temperature: "hot" | "warm" | "cold";
  dealValue?: number;
  dealCurrency?: string;
  expectedCloseDate?: string;
  wonAt?: string;
  lostAt?: string;
  company?: string;
  name: string;
}

const SPECS: Record<keyof AnalyticsData["leads"], LeadSpec> = {
  l1: {
    owner: "rep",
    source: "website",
    created: "03-02T10:00:00",
    status: "won",
    history: [
      ["new", "03-02T10:00:00"],
      ["contacted", "03-03T10:00:00"],
      ["qualified", "03-04T10:00:00"],
      ["won", "03-06T10:00:00"],
    ],
    score: 85,
    temperature: "hot",
    dealValue: 1000,
    dealCurrency: "USD",
    wonAt: "03-06T10:00:00",
    name: "Lead One",
  },
  l2: {
    owner: "rep2",
    source: "website",
    created: "03-03T00:00:00",
    status: "lost",
    history: [
      ["new", "03-03T00:00:00"],
      ["contacted", "03-03T12:00:00"],
      ["lost", "03-05T12:00:00"],
    ],
    score: 45,
    temperature: "warm",
    dealValue: 500,
    dealCurrency: "USD",
    lostAt: "03-05T12:00:00",
    name: "Lead Two",
  },
  l3: {
    owner: "admin",
    source: "referral",
    created: "03-05T00:00:00",
    status: "qualified",
    history: [
      ["new", "03-05T00:00:00"],
      ["qualified", "03-07T00:00:00"],
    ],
    score: 15,
    temperature: "cold",
    dealValue: 2000,
    dealCurrency: "EUR",
    expectedCloseDate: "2026-04-15",
    name: "Lead Three",
  },
  l4: {
    owner: "rep",
    source: null,
    created: "03-08T00:00:00",
    status: "new",
    history: [["new", "03-08T00:00:00"]],
    score: 72,
    temperature: "warm",
    dealValue: 300,
    expectedCloseDate: "2026-05-02",
    name: "Lead Four",
  },
  l5: {
    owner: "rep",
    source: "referral",
    created: "02-20T00:00:00",
    status: "won",
    history: [
      ["new", "02-20T00:00:00"],
      ["won", "03-09T00:00:00"],
    ],
    score: 60,
    temperature: "warm",
    dealValue: 2500,
    dealCurrency: "USD",
    wonAt: "03-09T00:00:00",
    company: "Acme",
    name: "Lead Five",
  },
  l6: {
    owner: "rep2",
    source: "website",
    created: "02-25T00:00:00",
    status: "won",
    history: [
      ["new", "02-25T00:00:00"],
      ["won", "02-27T00:00:00"],
    ],
    score: 30,
    temperature: "cold",
    dealValue: 800,
    dealCurrency: "USD",
    wonAt: "02-27T00:00:00",
    company: "ACME ",
    name: "Lead Six",
  },
};

export async function seedAnalyticsData(org: TestOrg): Promise<AnalyticsData> {
  const db = await getDb();
  const ids = {} as AnalyticsData["leads"];
  for (const [key, s] of Object.entries(SPECS) as [keyof AnalyticsData["leads"], LeadSpec][]) {
    const id = newId();
    ids[key] = id;
    await db.insert(leads).values({
      id,
      organizationId: org.id,
      displayName: s.name,
      email: `${key}-${id.slice(-8)}@example.test`,
      source: s.source,
      status: s.status,
      ownerId: org.members[s.owner].id,
      score: s.score,
      temperature: s.temperature,
      company: s.company ?? null,
      reachedStatuses: s.history.map(([st]) => st),
      dealValue: s.dealValue ?? null,
      dealCurrency: s.dealCurrency ?? null,
      expectedCloseDate: s.expectedCloseDate ?? null,
      wonAt: s.wonAt ? at(s.wonAt) : null,
      lostAt: s.lostAt ? at(s.lostAt) : null,
      createdAt: at(s.created),
      updatedAt: at(s.created),
    });
    let previous: string | null = null;
    for (const [status, when] of s.history) {
      await db.insert(leadStatusChanges).values({
        organizationId: org.id,
        leadId: id,
        fromStatus: previous,
        toStatus: status,
        changedAt: at(when),
      });
      previous = status;
    }
  }
  const message = (
    leadId: string,
    direction: "inbound" | "outbound",
    when: string,
    inboundKind: "human_reply" | "auto_reply" | null = null,
  ) => ({
    organizationId: org.id,
    leadId,
    direction,
    channel: "email" as const,
    author: direction === "inbound" ? ("lead" as const) : ("user" as const),
    status: direction === "inbound" ? ("received" as const) : ("sent" as const),
    inboundKind,
    body: direction === "inbound" ? "Thanks, interested" : "Hello",
    occurredAt: at(when),
  });
  await db
    .insert(conversationMessages)
    .values([
      message(ids.l1, "outbound", "03-02T11:00:00"),
      message(ids.l1, "inbound", "03-02T15:00:00", "human_reply"),
      message(ids.l3, "outbound", "03-06T00:00:00"),
      message(ids.l3, "inbound", "03-06T01:00:00", "auto_reply"),
      message(ids.l5, "outbound", "02-21T00:00:00"),
      message(ids.l5, "inbound", "02-22T00:00:00", "human_reply"),
      { ...message(ids.l4, "outbound", "03-08T01:00:00"), status: "failed" as const },
    ]);
  await db.insert(userActivities).values({
    organizationId: org.id,
    userId: org.members.rep2.id,
    kind: "call",
    leadId: ids.l2,
    outcome: "connected",
    durationSeconds: 120,
    occurredAt: at("03-03T02:00:00"),
  });
  const c1 = newId();
  const c2 = newId();
  await db.insert(campaigns).values([
    {
      id: c1,
      organizationId: org.id,
      name: "Spring outreach",
      status: "active",
      costAmount: 1000,
      costCurrency: "USD",
      launchedAt: at("03-01T09:00:00"),
      createdAt: at("02-28T09:00:00"),
    },
    {
      id: c2,
      organizationId: org.id,
      name: "Euro list",
      status: "active",
      costAmount: 100,
      costCurrency: "EUR",
      launchedAt: at("03-04T09:00:00"),
      createdAt: at("03-04T08:00:00"),
    },
  ]);
  await db.insert(campaignRecipients).values([
    { organizationId: org.id, campaignId: c1, leadId: ids.l1, state: "replied" },
    { organizationId: org.id, campaignId: c1, leadId: ids.l5, state: "completed" },
    { organizationId: org.id, campaignId: c2, leadId: ids.l2, state: "completed" },
    { organizationId: org.id, campaignId: c2, leadId: ids.l5, state: "completed" },
  ]);
  const listing = (
    title: string,
    location: string,
    type: string,
    price: number,
    listed: string,
    sold?: [string, number],
  ) => ({
    organizationId: org.id,
    title,
    location,
    type,
    price,
    currency: "EUR",
    status: sold ? ("sold" as const) : ("active" as const),
    listedAt: at(listed),
    soldAt: sold ? at(sold[0]) : null,
    soldPrice: sold ? sold[1] : null,
  });
  await db
    .insert(listings)
    .values([
      listing("A", "Berlin", "apartment", 300000, "01-10T00:00:00", ["03-05T00:00:00", 310000]),
      listing("B", "Berlin", "apartment", 400000, "01-20T00:00:00"),
      listing("C", "Berlin", "apartment", 320000, "01-25T00:00:00"),
      listing("D", "Berlin", "house", 800000, "02-03T00:00:00", ["02-28T00:00:00", 780000]),
      listing("E", "Munich", "apartment", 500000, "03-02T00:00:00"),
    ]);
  return { leads: ids, campaigns: { c1, c2 } };
}

/** Another organization's data in the same period: it must never be counted. */
export async function seedForeignData(org: TestOrg) {
  const db = await getDb();
  const id = newId();
  await db.insert(leads).values({
    id,
    organizationId: org.id,
    displayName: "Foreign",
    source: "website",
    status: "won",
    ownerId: org.members.rep.id,
    score: 99,
    reachedStatuses: ["new", "won"],
    dealValue: 99999,
    dealCurrency: "USD",
    wonAt: at("03-04T00:00:00"),
    createdAt: at("03-02T00:00:00"),
  });
  await db.insert(leadStatusChanges).values([
    { organizationId: org.id, leadId: id, toStatus: "new", changedAt: at("03-02T00:00:00") },
    {
      organizationId: org.id,
      leadId: id,
      fromStatus: "new",
      toStatus: "won",
      changedAt: at("03-04T00:00:00"),
    },
  ]);
  await db.insert(conversationMessages).values({
    organizationId: org.id,
    leadId: id,
    direction: "outbound",
    channel: "email",
    author: "user",
    status: "sent",
    body: "Hi",
    occurredAt: at("03-02T01:00:00"),
  });
  await db.insert(listings).values({
    organizationId: org.id,
    title: "Foreign",
    location: "Berlin",
    type: "apartment",
    price: 1,
    currency: "EUR",
    listedAt: at("01-15T00:00:00"),
  });
}
