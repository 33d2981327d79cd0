/**
 * npm run bench:analytics — after `npm run bench:seed` (1M leads and ~10M events and messages in
 * organization 1), against PostgreSQL.
 *
 * Every analytics, stats, activity and people-report endpoint (taken from the route index, so a
 * new one is measured without editing this file), for an admin (the whole organization) and a
 * rep (their own numbers): the route called in process — authentication, validation, the domain
 * function's queries, JSON — sequentially, p50/p95; beside it the same SQL statements that call
 * ran, replayed directly on the database, so the gap between the two is our code. Writes the
 * analytics section of BENCHMARKS.md. Target (issue 9): p95 < 300 ms for every endpoint.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { getDatabase, installDatabase, type Database } from "@/db/client";
import { runScript } from "@/db/run-script";
import * as schema from "@/db/schema";
import { campaigns, memberships, users } from "@/db/schema";
import { listOperations } from "@/lib/http/openapi";
import { apiRoutes } from "@/lib/http/route-index.generated";
import { api } from "@/lib/testing/api-client";
import { tokenFor } from "@/lib/testing/fixtures";
import { writeBenchmarkSection } from "./benchmarks-file";
import { benchOwnerEmail, ms, percentile } from "./shared";

// `npm run bench:analytics -- [--samples=N] [<pattern>]`: N timed calls per endpoint (default 30);
// with a pattern, only the endpoints whose path contains it, printed and not written to
// BENCHMARKS.md (for working on one query).
const args = process.argv.slice(2);
const SAMPLES = Number(args.find((a) => a.startsWith("--samples="))?.slice(10) ?? 30);
const ONLY = args.find((a) => !a.startsWith("--")) ?? null;
const TARGET_MS = 300;
const MEASURED = [
  /^\/api\/v1\/analytics\//,
  /^\/api\/v1\/stats\//,
  /^\/api\/v1\/activity\//,
  /^\/api\/v1\/reports\/(salesperson|activity)-report$/,
  /^\/api\/v1\/campaigns\/analytics$/,
];

interface Captured {
  query: string;
  params: unknown[];
}

interface Row {
  path: string;
  who: string;
  api: number[];
  raw: number[];
  queries: number;
  reads: string;
}

/** Whether a route's statements read the rollup tables, the source rows, or both. */
function readsOf(statements: Captured[]): string {
  const rolled = statements.some((s) => /\w+_rollups\b|lead_counts/.test(s.query));
  const live = statements.some((s) =>
    /from (leads|conversation_messages|email_messages|email_events|lead_status_changes|user_activities|campaign_recipients|listings)\b/.test(
      s.query,
    ),
  );
  return rolled && live ? "rollups + live" : rolled ? "rollups" : "live";
}

async function timeRoute(path: string, token: string, captured: Captured[]) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    captured.length = 0;
    const t = performance.now();
    const res = await api("GET", path, { token });
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`);
    if (i >= 3) times.push(elapsed); // the first calls warm caches and the connection pool
  }
  return { times: times.sort((a, b) => a - b), statements: [...captured] };
}

async function timeRaw(client: Sql, statements: Captured[]) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    for (const s of statements) await client.unsafe(s.query, s.params as never[]);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

runScript(async () => {
  const handle = await getDatabase();
  if (handle.driver !== "postgres") throw new Error("bench:analytics needs DATABASE_URL");
  const client = handle.client as Sql;
  const captured: Captured[] = [];
  // The same database through a drizzle instance that notes every statement the routes run.
  const logged = drizzle({
    client,
    schema,
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  }) as unknown as Database;
  installDatabase({ ...handle, db: logged });

  const [owner] = await logged
    .select({ id: users.id, orgId: memberships.organizationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, benchOwnerEmail(1)));
  if (!owner) throw new Error("Run npm run bench:seed first.");
  const [rep] = await logged
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organizationId, owner.orgId))
    .orderBy(memberships.createdAt)
    .offset(1)
    .limit(1);
  const pair = await logged
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.organizationId, owner.orgId))
    .limit(2);
  // Access tokens live 15 minutes and a full run takes longer: a fresh one per endpoint.
  const who = [
    { label: "admin", token: () => tokenFor(logged, owner.id, owner.orgId) },
    { label: "rep", token: () => tokenFor(logged, rep!.id, owner.orgId) },
  ];
  // Endpoints that need more than the defaults to answer.
  const extra: Record<string, string> = {
    "/api/v1/analytics/campaigns/comparison": `ids=${pair.map((c) => c.id).join(",")}`,
  };

  const paths = listOperations(apiRoutes)
    .filter((op) => op.method === "GET" && !op.path.includes("{"))
    .map((op) => op.path)
    .filter((p) => MEASURED.some((re) => re.test(p)))
    .filter((p) => !ONLY || p.includes(ONLY))
    .sort();
  const rows: Row[] = [];
  for (const path of paths) {
    for (const w of who) {
      const full = extra[path] ? `${path}?${extra[path]}` : path;
      try {
        const { times, statements } = await timeRoute(full, await w.token(), captured);
        const raw = await timeRaw(client, statements);
        const reads = readsOf(statements);
        rows.push({ path: full, who: w.label, api: times, raw, queries: statements.length, reads });
        console.log(
          `${full} (${w.label}): p95 ${ms(percentile(times, 95))} ms, SQL p95 ${ms(percentile(raw, 95))} ms, ${statements.length} statements, ${reads}`,
        );
      } catch (error) {
        console.log(`${full} (${w.label}): failed — ${(error as Error).message}`);
        rows.push({ path: full, who: w.label, api: [], raw: [], queries: 0, reads: "" });
      }
    }
  }

  if (ONLY) return;
  const [leadCount] =
    await client`select count(*)::int as n from leads where organization_id = ${owner.orgId}`;
  const [eventCount] = await client`
    select ((select count(*) from email_messages where organization_id = ${owner.orgId})
          + (select count(*) from email_events where organization_id = ${owner.orgId})
          + (select count(*) from conversation_messages where organization_id = ${owner.orgId})
          + (select count(*) from lead_status_changes where organization_id = ${owner.orgId})
          + (select count(*) from user_activities where organization_id = ${owner.orgId})
          + (select count(*) from lead_events where organization_id = ${owner.orgId}))::int as n`;
  const met = rows.filter((r) => r.api.length && percentile(r.api, 95) < TARGET_MS).length;
  writeBenchmarkSection("analytics-bench", [
    "## Analytics and reports",
    "",
    `Written by \`npm run bench:analytics\` (bench/analytics.ts) on ${new Date().toISOString().slice(0, 10)}: ${leadCount!.n.toLocaleString("en")} leads and ${eventCount!.n.toLocaleString("en")} events and messages in the measured organization (\`npm run bench:seed\`), default period (last 30 days). "Route" is the API route called in process (authentication, validation, the domain function, JSON; no HTTP server), ${SAMPLES} sequential calls after 3 warm-up calls; "SQL" replays exactly the statements that route ran, directly on the database. Target: p95 < ${TARGET_MS} ms — met by ${met} of ${rows.length}.`,
    "",
    "| Endpoint | As | Reads | Route p50 | Route p95 | SQL p50 | SQL p95 | Statements | < 300 ms |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) =>
      r.api.length
        ? `| ${r.path.replace("/api/v1", "")} | ${r.who} | ${r.reads} | ${ms(percentile(r.api, 50))} ms | ${ms(percentile(r.api, 95))} ms | ${ms(percentile(r.raw, 50))} ms | ${ms(percentile(r.raw, 95))} ms | ${r.queries} | ${percentile(r.api, 95) < TARGET_MS ? "yes" : "**no**"} |`
        : `| ${r.path.replace("/api/v1", "")} | ${r.who} | | failed | | | | | **no** |`,
    ),
  ]);
  console.log(`wrote the analytics section of BENCHMARKS.md (${met}/${rows.length} under target)`);
});
