import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { campaignRecipients, campaigns, leads } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, seededRandom, type Random } from "@/lib/seed/fake-leads";
import { UNASSIGNED_KEY } from "@/lib/leads/lead-counts";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { loadAnalyticsContext } from "../analytics-context";
import { analyticsQuery } from "../analytics-filters";
import {
  campaignRevenueFromLeads,
  forecastFromLeads,
  wonFromLeads,
  wonSeriesFromLeads,
} from "../revenue-live";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";
import {
  campaignRevenueFromRollups,
  forecastFromRollups,
  wonFromRollups,
  wonSeriesFromRollups,
  type CampaignRevenueRow,
  type WonRow,
} from "./revenue-rollup-sql";

/**
 * The revenue rollups (campaign_recipient_rollups, campaign_won_rollups, lead_forecast_rollups)
 * are kept by triggers on leads and campaign_recipients; after a random stream of the writes the
 * product makes — leads created, won, lost, revalued, reassigned, re-sourced, re-dated, deleted,
 * restored and removed for good; recipients added, removed, moved and advanced; campaigns
 * deleted — in single and multi-row statements, every read from them must equal the same read
 * from the leads, and a rebuild must change nothing.
 */
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
// Won twice as likely as the others: the rollups are mostly about won deals.
const STATUSES = ["new", "contacted", "qualified", "demo", "won", "won", "lost"];
const SOURCES = ["website", "referral", null];
const CURRENCIES = ["USD", "EUR", null];

let org: TestOrg;
let owners: (string | null)[];
let campaignIds: string[];

const when = (r: Random) => new Date(NOW.getTime() - Math.floor(r() * 90 * DAY));
const closeDate = (r: Random) =>
  r() < 0.3 ? null : new Date(NOW.getTime() + Math.floor((r() - 0.3) * 200 * DAY));
const dateOnly = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

async function addCampaigns(r: Random, n: number) {
  const db = await getDb();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    organizationId: org.id,
    name: `Campaign ${campaignIds.length + i}`,
    status: "active" as const,
    costAmount: r() < 0.7 ? 100 + Math.round(r() * 900) : null,
    costCurrency: pick(r, CURRENCIES),
    // Some never launched (left out of ROI), some launched within the compared periods.
    launchedAt: r() < 0.2 ? null : when(r),
  }));
  await db.insert(campaigns).values(rows);
  campaignIds.push(...rows.map((c) => c.id));
}

async function randomStream(r: Random, steps: number) {
  const db = await getDb();
  const leadIds: string[] = [];
  const recipientIds: string[] = [];
  const someLead = () => pick(r, leadIds);
  const someLeads = () => leadIds.filter(() => r() < 0.15);
  for (let i = 0; i < steps; i++) {
    const op = leadIds.length < 8 ? 0 : Math.floor(r() * 14);
    if (op <= 1) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const status = pick(r, STATUSES);
        const createdAt = when(r);
        return {
          id: newId(),
          organizationId: org.id,
          displayName: `Lead ${i}`,
          status,
          source: pick(r, SOURCES),
          ownerId: pick(r, owners),
          dealValue: r() < 0.7 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
          expectedCloseDate: dateOnly(closeDate(r)),
          wonAt: status === "won" ? new Date(createdAt.getTime() + r() * 20 * DAY) : null,
          createdAt,
          updatedAt: createdAt,
        };
      });
      await db.insert(leads).values(rows);
      leadIds.push(...rows.map((l) => l.id));
    } else if (op <= 3) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 8) }, () => ({
        id: newId(),
        organizationId: org.id,
        campaignId: pick(r, campaignIds),
        leadId: someLead(),
      }));
      const added = await db
        .insert(campaignRecipients)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: campaignRecipients.id });
      recipientIds.push(...added.map((a) => a.id));
    } else if (op === 4 && recipientIds.length) {
      // Removed one at a time or several in one statement.
      const ids = r() < 0.5 ? [pick(r, recipientIds)] : recipientIds.filter(() => r() < 0.1);
      await db.delete(campaignRecipients).where(inArray(campaignRecipients.id, ids));
      for (const id of ids)
        if (recipientIds.includes(id)) recipientIds.splice(recipientIds.indexOf(id), 1);
    } else if (op === 5 && recipientIds.length) {
      // A sequence advancing (nothing the rollups count), or a recipient moved to another campaign.
      const id = pick(r, recipientIds);
      if (r() < 0.5)
        await db
          .update(campaignRecipients)
          .set({ state: "active", nextStepIndex: 1 })
          .where(inArray(campaignRecipients.id, [id, ...recipientIds.filter(() => r() < 0.3)]));
      else
        await db
          .update(campaignRecipients)
          .set({ campaignId: pick(r, campaignIds) })
          .where(eq(campaignRecipients.id, id))
          .catch(() => undefined); // already a recipient of that campaign: the unique key refuses
    } else if (op === 6) {
      const status = pick(r, STATUSES);
      await db
        .update(leads)
        .set({ status, ...(status === "won" && r() < 0.5 ? { wonAt: when(r) } : {}) })
        .where(eq(leads.id, someLead()));
    } else if (op === 7) {
      await db
        .update(leads)
        .set({
          dealValue: r() < 0.8 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
          expectedCloseDate: dateOnly(closeDate(r)),
        })
        .where(eq(leads.id, someLead()));
    } else if (op === 8) {
      const ids = r() < 0.5 ? [someLead()] : someLeads();
      if (ids.length)
        await db
          .update(leads)
          .set(r() < 0.5 ? { ownerId: pick(r, owners) } : { source: pick(r, SOURCES) })
          .where(inArray(leads.id, ids));
    } else if (op === 9) {
      // A bulk statement: soft-delete or restore a random handful.
      const ids = someLeads();
      if (ids.length)
        await db
          .update(leads)
          .set({ deletedAt: r() < 0.5 ? NOW : null })
          .where(inArray(leads.id, ids));
    } else if (op === 10) {
      // A bulk status move (won ones keep or get a win date from the status trigger).
      const ids = someLeads();
      const status = pick(r, STATUSES);
      if (ids.length)
        await db
          .update(leads)
          .set({ status, ...(status === "won" ? { wonAt: when(r) } : {}) })
          .where(inArray(leads.id, ids));
    } else if (op === 11 && r() < 0.4) {
      // A lead removed for good: its recipients go with it.
      const id = someLead();
      await db.delete(leads).where(and(eq(leads.id, id), eq(leads.organizationId, org.id)));
      leadIds.splice(leadIds.indexOf(id), 1);
    } else if (op === 12 && r() < 0.1 && campaignIds.length > 2) {
      const id = campaignIds.splice(Math.floor(r() * campaignIds.length), 1)[0]!;
      await db.delete(campaigns).where(eq(campaigns.id, id));
      await addCampaigns(r, 1);
    } else if (op === 13) {
      await db
        .update(leads)
        .set({ displayName: `Renamed ${i}` })
        .where(inArray(leads.id, [someLead(), ...someLeads()]));
    }
  }
}

async function rollupSnapshot() {
  const db = await getDb();
  const rows = (table: string, order: string) =>
    queryRows(
      db,
      sql`select * from ${sql.raw(table)}
           where organization_id = ${org.id}
             and (${sql.raw(table === "campaign_recipient_rollups" ? "recipients <> 0" : "leads <> 0 or valued <> 0 or amount <> 0")})
           order by ${sql.raw(order)}`,
    );
  return {
    recipients: await rows("campaign_recipient_rollups", "2, 3, 4"),
    won: await rows("campaign_won_rollups", "2, 3, 4, 5, 6"),
    forecast: await rows("lead_forecast_rollups", "2, 3, 4, 5, 6"),
  };
}

const sortWon = (rows: WonRow[]) =>
  rows
    .map((w) => [w.key, w.currency, w.n, w.valued, w.amount])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const sortCampaigns = (rows: CampaignRevenueRow[]) =>
  rows
    .map((c) => ({
      ...c,
      money: (c.money ?? [])
        .map((m) => ({ currency: m.currency, amount: m.amount }))
        .sort((a, b) => (a.currency ?? "").localeCompare(b.currency ?? "")),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  org = await createTestOrg("Revenue rollups");
  owners = [org.members.rep.id, org.members.rep2.id, org.members.manager.id, null];
  campaignIds = [];
  const r = seededRandom(20261127);
  await addCampaigns(r, 4);
  await randomStream(r, 500);
});

describe("revenue rollups", () => {
  it("equal the same reads from the leads, for any period, owners, sources and campaign", async () => {
    const r = seededRandom(11);
    const scopes = [
      {},
      { ownerId: org.members.rep.id },
      { ownerId: `${org.members.rep.id},${org.members.rep2.id}` },
      // The nil UUID is the rollups' "unassigned" key: as an owner filter it matches no lead.
      { ownerId: UNASSIGNED_KEY },
      { source: "website" },
      { source: "referral", ownerId: org.members.rep2.id },
      { campaignId: campaignIds[0]! },
      { campaignId: campaignIds[1]!, ownerId: org.members.rep.id },
    ];
    let won = 0;
    let recipients = 0;
    for (const scope of scopes) {
      for (let i = 0; i < 3; i++) {
        const first = when(r);
        const days = 1 + Math.floor(r() * 80);
        const query = analyticsQuery.parse({
          ...scope,
          from: first.toISOString().slice(0, 10),
          to: new Date(first.getTime() + days * DAY).toISOString().slice(0, 10),
          interval: pick(r, ["day", "week", "month"] as const),
        });
        const ctx = org.ctx("admin");
        const ac = await loadAnalyticsContext(ctx, query, NOW);
        const { from, to } = ac.scope.period;
        for (const key of ["owner", "source", "total"] as const) {
          const live = await wonFromLeads(ctx, ac.scope, from, to, key);
          expect(sortWon(await wonFromRollups(ctx, ac.scope, from, to, key))).toEqual(
            sortWon(live),
          );
          if (key === "total") won += live.reduce((s, w) => s + w.n, 0);
        }
        expect(await wonSeriesFromRollups(ctx, ac)).toEqual(await wonSeriesFromLeads(ctx, ac));
        const campaignsLive = await campaignRevenueFromLeads(ctx, ac);
        expect(sortCampaigns(await campaignRevenueFromRollups(ctx, ac))).toEqual(
          sortCampaigns(campaignsLive),
        );
        recipients += campaignsLive.reduce((s, c) => s + c.recipients, 0);
      }
      if (!("campaignId" in scope)) {
        const ac = await loadAnalyticsContext(org.ctx("admin"), analyticsQuery.parse(scope), NOW);
        expect(sortWon(await forecastFromRollups(org.ctx("admin"), ac))).toEqual(
          sortWon(await forecastFromLeads(org.ctx("admin"), ac)),
        );
      }
    }
    // The stream really produced numbers to compare (not a vacuous equality of zeros).
    expect(won).toBeGreaterThan(30);
    expect(recipients).toBeGreaterThan(50);
  });

  it("are unchanged by a rebuild from the source rows", async () => {
    const before = await rollupSnapshot();
    expect(before.recipients.length).toBeGreaterThan(10);
    expect(before.won.length).toBeGreaterThan(10);
    expect(before.forecast.length).toBeGreaterThan(10);
    await rebuildAnalyticsRollups(await getDb(), org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });

  it("are rebuilt after bulk SQL that wrote around them", async () => {
    const db = await getDb();
    const before = await rollupSnapshot();
    await db.execute(sql`delete from campaign_won_rollups where organization_id = ${org.id}`);
    await db.execute(
      sql`update campaign_recipient_rollups set recipients = recipients + 3
           where organization_id = ${org.id}`,
    );
    await db.execute(
      sql`update lead_forecast_rollups set amount = amount + 1 where organization_id = ${org.id}`,
    );
    await rebuildAnalyticsRollups(db, org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });
});
