/**
 * npm run bench:seed -- --leads 1000000 [--orgs 3] [--skip-analytics]
 *
 * Benchmark data on PostgreSQL: organization 1 gets --leads leads, the others a tenth each (so
 * every query also has to skip other tenants' rows), with notes and page-view events, written
 * with COPY. The lead_counts triggers fire on COPY too, so stats are exact. Idempotent: an
 * organization that already has its leads is left alone. Organization 1 also gets about ten
 * million events and messages for the analytics benchmarks (bench/seed-analytics.ts).
 */
import { eq } from "drizzle-orm";
import type { Sql } from "postgres";
import { getDatabase } from "@/db/client";
import { runScript } from "@/db/run-script";
import { leads, memberships, organizations } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { rebuildAnalyticsRollups } from "@/lib/analytics/rollups/rebuild-rollups";
import { leadSearchText } from "@/lib/leads/build-lead-values";
import { displayNameOf, domainOf } from "@/lib/leads/normalize";
import { createOrganization } from "@/lib/organizations/create-organization";
import { fakeLead, seededRandom } from "@/lib/seed/fake-leads";
import { createUser, findUserByEmail } from "@/lib/users/create-user";
import { copyRows } from "./copy";
import { seedAnalytics } from "./seed-analytics";
import { BENCH_PASSWORD, benchArgs, benchOwnerEmail } from "./shared";

const DAY = 86_400_000;

async function ensureOrg(n: number) {
  const { db } = await getDatabase();
  const email = benchOwnerEmail(n);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const [m] = await db
      .select({ orgId: memberships.organizationId })
      .from(memberships)
      .where(eq(memberships.userId, existing.id));
    const reps = await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, m!.orgId));
    return { orgId: m!.orgId, ownerId: existing.id, memberIds: reps.map((r) => r.id) };
  }
  return db.transaction(async (tx) => {
    const owner = await createUser(tx, {
      email,
      name: `Bench Owner ${n}`,
      password: BENCH_PASSWORD,
    });
    const org = await createOrganization(tx, { name: `Bench Org ${n}`, ownerUserId: owner.id });
    const memberIds = [owner.id];
    for (let i = 1; i <= 8; i++) {
      const rep = await createUser(tx, {
        email: `bench-rep${i}-org${n}@bench.leadline.dev`,
        name: `Bench Rep ${i}`,
        password: BENCH_PASSWORD,
      });
      await tx
        .insert(memberships)
        .values({ organizationId: org.id, userId: rep.id, role: "sales_rep" });
      memberIds.push(rep.id);
    }
    return { orgId: org.id, ownerId: owner.id, memberIds };
  });
}

async function seedOrg(n: number, count: number) {
  const handle = await getDatabase();
  if (handle.driver !== "postgres") throw new Error("bench:seed needs DATABASE_URL (PostgreSQL)");
  const { orgId, ownerId, memberIds } = await ensureOrg(n);
  const have = await handle.db.$count(leads, eq(leads.organizationId, orgId));
  if (have >= count) {
    console.log(`org ${n}: already has ${have} leads`);
    return { orgId, memberIds };
  }
  const started = Date.now();
  const random = seededRandom(1000 + n);
  const now = Date.now();
  const notes: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  function* leadRows() {
    for (let i = have; i < count; i++) {
      const lead = fakeLead(random, i, `org${n}`);
      const id = newId();
      const createdAt = new Date(now - Math.floor(random() * 365 * DAY)).toISOString();
      const score = Math.floor(random() ** 2 * 100);
      const displayName = displayNameOf(lead);
      const domain = domainOf(lead.website, lead.email);
      const owner = random() < 0.1 ? null : memberIds[i % memberIds.length];
      if (lead.note) {
        notes.push({
          id: newId(),
          organization_id: orgId,
          lead_id: id,
          body: lead.note,
          author_id: ownerId,
          created_at: createdAt,
          updated_at: createdAt,
        });
      }
      if (random() < 0.2) {
        for (let e = 0; e < 1 + Math.floor(random() * 4); e++) {
          const at = new Date(now - Math.floor(random() * 60 * DAY)).toISOString();
          events.push({
            id: newId(),
            organization_id: orgId,
            lead_id: id,
            type: "page_view",
            value: `/listings/${Math.floor(random() * 500)}`,
            occurred_at: at,
            created_at: at,
            updated_at: at,
          });
        }
      }
      yield {
        id: id,
        organization_id: orgId,
        first_name: lead.firstName,
        last_name: lead.lastName,
        display_name: displayName,
        email: lead.email,
        phone: lead.phone,
        company: lead.company,
        job_title: lead.jobTitle,
        website: lead.website,
        domain: domain,
        industry: lead.industry,
        source: lead.source,
        status: lead.status,
        owner_id: owner,
        score: score,
        temperature: score >= 50 ? "hot" : score >= 25 ? "warm" : "cold",
        tags: lead.tags,
        city: lead.city,
        region: lead.region,
        country: lead.country,
        reached_statuses: [lead.status],
        search_text: leadSearchText({ ...lead, displayName, domain }, lead.note ? [lead.note] : []),
        created_at: createdAt,
        updated_at: createdAt,
        created_by_id: ownerId,
        updated_by_id: ownerId,
      };
    }
  }
  const { client: sql } = handle;
  await copyRows(sql, "leads", leadRows());
  await copyRows(sql, "lead_notes", notes);
  await copyRows(sql, "lead_events", events);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `org ${n}: ${count - have} leads, ${notes.length} notes, ${events.length} events in ${seconds.toFixed(1)} s (${Math.round((count - have) / seconds)} leads/s)`,
  );
  return { orgId, memberIds };
}

runScript(async () => {
  const args = benchArgs();
  const { client } = (await getDatabase()) as { client: Sql };
  for (let n = 1; n <= args.orgs; n++) {
    const org = await seedOrg(n, n === 1 ? args.leads : Math.ceil(args.leads / 10));
    // The measured organization also gets its events and messages (issue 9's 10M).
    if (n === 1 && !args.skipAnalytics && (await seedAnalytics(client, org.orgId, org.memberIds))) {
      await client.unsafe("analyze");
      const started = Date.now();
      await rebuildAnalyticsRollups((await getDatabase()).db, org.orgId);
      console.log(`  rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  // Autovacuum is off on the bench server: vacuum once, as it would have after the bulk writes, so
  // index-only scans (LTV, the period cohorts) read the visibility map, not a heap page per row.
  await client.unsafe("vacuum analyze");
  const orgs = await (await getDatabase()).db.$count(organizations);
  console.log(
    `done: ${orgs} organizations in the database; bench logins use the password "${BENCH_PASSWORD}"`,
  );
});
