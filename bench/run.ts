/**
 * npm run bench — after `npm run build` and `npm run bench:seed`, against PostgreSQL.
 *
 * Starts `next start`, then measures on the seeded data: list/search/filter/stats latency
 * (sequential p50/p95/p99) beside the raw SQL of the same query run the same way in the same run,
 * throughput under concurrent load (autocannon), CSV import throughput (100k and 1M rows) beside
 * COPY of the same rows into the same table, and export throughput. Writes BENCHMARKS.md.
 * Each run leaves its imported leads in organization 3 (new emails every run); organization 1,
 * the one measured, is never written to.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { and, desc, eq, isNull } from "drizzle-orm";
import autocannon from "autocannon";
import type { Sql } from "postgres";
import { getDatabase } from "@/db/client";
import { runScript } from "@/db/run-script";
import { leads, memberships, users } from "@/db/schema";
import { env } from "@/lib/env";
import { encodeCursor } from "@/lib/http/pagination";
import { newId } from "@/lib/crypto/ids";
import { fakeLead, seededRandom } from "@/lib/seed/fake-leads";
import { restAfterHead } from "./benchmarks-file";
import { copyRows } from "./copy";
import { BENCH_PASSWORD, benchArgs, benchOwnerEmail, ms, percentile } from "./shared";

const args = benchArgs();
const base = `http://127.0.0.1:${args.port}`;
const SAMPLES = 200;

interface Scenario {
  name: string;
  path: string;
  sql: string;
  params: unknown[];
}

interface Figures {
  name: string;
  http: number[];
  raw: number[];
  rps: number;
}

async function startServer() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first.");
  const child = spawn("npx", ["next", "start", "-p", String(args.port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: env.AUTH_SECRET ?? `bench-${newId()}-${newId()}`,
      RATE_LIMIT_PER_MINUTE: "1000000000",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not come up");
}

async function login(n: number): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: benchOwnerEmail(n), password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed (${res.status}): run npm run bench:seed first`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function timeRaw(sql: Sql, s: Scenario): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await sql.unsafe(s.sql, s.params as never[]);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function timeHttp(token: string, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function throughput(token: string, path: string): Promise<number> {
  const result = await autocannon({
    url: base + path,
    connections: 8,
    duration: args.seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx) throw new Error(`${path}: ${result.non2xx} non-2xx responses under load`);
  return result.requests.average;
}

async function scenarios(sql: Sql, orgId: string): Promise<Scenario[]> {
  const { db } = await getDatabase();
  const live = `organization_id = $1 and deleted_at is null`;
  const page = `select * from leads where ${live}`;
  // A cursor 90% of the way down the newest-first list, as a client paging deep would hold.
  const total = await db.$count(
    leads,
    and(eq(leads.organizationId, orgId), isNull(leads.deletedAt)),
  );
  const [deep] = await db
    .select({ createdAt: leads.createdAt, id: leads.id })
    .from(leads)
    .where(and(eq(leads.organizationId, orgId), isNull(leads.deletedAt)))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .offset(Math.floor(total * 0.9))
    .limit(1);
  const cursor = encodeCursor(
    [
      { field: "createdAt", desc: true, expr: leads.createdAt, type: "date" },
      { field: "id", desc: true, expr: leads.id, type: "string" },
    ],
    deep!,
  );
  void sql;
  return [
    {
      name: "list, newest first (page 1)",
      path: "/api/v1/leads?perPage=50",
      sql: `${page} order by created_at desc, id desc limit 51`,
      params: [orgId],
    },
    {
      name: "list, cursor 90% deep",
      path: `/api/v1/leads?perPage=50&cursor=${cursor}`,
      sql: `${page} and (created_at, id) < ($2, $3) order by created_at desc, id desc limit 51`,
      params: [orgId, deep!.createdAt.toISOString(), deep!.id],
    },
    {
      name: "filter status, sort by score",
      path: "/api/v1/leads?perPage=50&status=qualified&sort=-score",
      sql: `${page} and status = 'qualified' order by score desc, id desc limit 51`,
      params: [orgId],
    },
    {
      name: "filter tag",
      path: "/api/v1/leads?perPage=50&tag=vip",
      sql: `${page} and tags @> '{vip}' order by created_at desc, id desc limit 51`,
      params: [orgId],
    },
    {
      name: 'search q="hernandez"',
      path: "/api/v1/leads?perPage=50&q=hernandez",
      sql: `${page} and (search_text ilike '%hernandez%' or 'hernandez' <% search_text) order by created_at desc, id desc limit 51`,
      params: [orgId],
    },
    {
      name: "stats",
      path: "/api/v1/leads/stats",
      sql: `select dimension, value, sum(count)::int from lead_counts where organization_id = $1 group by 1, 2`,
      params: [orgId],
    },
  ];
}

function csvFile(rows: number, tag: string): string {
  const file = `${os.tmpdir()}/leadline-bench-${tag}.csv`;
  const random = seededRandom(rows);
  const out = fs.openSync(file, "w");
  let buffer =
    "First Name,Last Name,Email,Phone,Company,Job Title,Industry,Status,Tags,City,Country\n";
  for (let i = 0; i < rows; i++) {
    const l = fakeLead(random, i, tag);
    buffer += `${l.firstName},${l.lastName},${l.email},${l.phone},${l.company},${l.jobTitle},${l.industry},${l.status},${l.tags.join(";")},${l.city},${l.country}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = "";
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return file;
}

async function importThroughput(token: string, rows: number) {
  const tag = `imp${Date.now().toString(36)}`;
  const file = csvFile(rows, tag);
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/leads/import?mode=create`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: fs.createReadStream(file) as unknown as BodyInit,
    duplex: "half",
  } as RequestInit);
  if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`);
  const accepted = performance.now() - started;
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const state = (await (
      await fetch(`${base}/api/v1/imports/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { status: string; created: number; failed: number; error: string | null };
    if (state.status === "completed" || state.status === "failed") {
      if (state.status === "failed" || state.created !== rows) {
        throw new Error(`import ${id}: ${state.status}, ${state.created} created, ${state.error}`);
      }
      break;
    }
  }
  fs.unlinkSync(file);
  return { seconds: (performance.now() - started) / 1000, uploadSeconds: accepted / 1000 };
}

class RolledBack extends Error {}

async function copyThroughput(sql: Sql, orgId: string, rows: number) {
  const random = seededRandom(rows + 1);
  const tag = `copy${Date.now().toString(36)}`;
  const now = new Date().toISOString();
  function* data() {
    for (let i = 0; i < rows; i++) {
      const l = fakeLead(random, i, tag);
      yield {
        id: newId(),
        organization_id: orgId,
        first_name: l.firstName,
        last_name: l.lastName,
        display_name: `${l.firstName} ${l.lastName}`,
        email: l.email,
        phone: l.phone,
        company: l.company,
        job_title: l.jobTitle,
        industry: l.industry,
        status: l.status,
        tags: l.tags,
        city: l.city,
        country: l.country,
        reached_statuses: [l.status],
        search_text: `${l.firstName} ${l.lastName} ${l.email} ${l.company}`.toLowerCase(),
        created_at: now,
        updated_at: now,
      };
    }
  }
  // Inside a transaction that is rolled back: the rows are written (indexes, triggers and all)
  // and timed, then discarded at once instead of deleted row by row.
  let seconds = 0;
  await sql
    .begin(async (tx) => {
      const started = performance.now();
      await copyRows(tx as unknown as Sql, "leads", data());
      seconds = (performance.now() - started) / 1000;
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return seconds;
}

async function exportThroughput(token: string) {
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/leads/export?format=csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { rows: lines - 1, bytes, seconds: (performance.now() - started) / 1000 };
}

runScript(async () => {
  const handle = await getDatabase();
  if (handle.driver !== "postgres")
    throw new Error("npm run bench needs DATABASE_URL (PostgreSQL)");
  const sql = handle.client;
  const orgIdOf = async (n: number) => {
    const [row] = await handle.db
      .select({ orgId: memberships.organizationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(users.email, benchOwnerEmail(n)));
    if (!row) throw new Error("No bench data: run npm run bench:seed first");
    return row.orgId;
  };
  const org1 = await orgIdOf(1);
  const org3 = await orgIdOf(Math.min(3, args.orgs));
  const leadCount = await handle.db.$count(
    leads,
    and(eq(leads.organizationId, org1), isNull(leads.deletedAt)),
  );
  const allLeads = await handle.db.$count(leads);
  const server = await startServer();
  try {
    const token = await login(1);
    const figures: Figures[] = [];
    for (const s of await scenarios(sql, org1)) {
      await timeHttp(token, s.path); // warm up caches and JIT
      const raw = await timeRaw(sql, s);
      const http = await timeHttp(token, s.path);
      const rps = await throughput(token, s.path);
      figures.push({ name: s.name, http, raw, rps });
      console.log(
        `${s.name}: http p95 ${ms(percentile(http, 95))} ms, raw p95 ${ms(percentile(raw, 95))} ms, ${Math.round(rps)} req/s`,
      );
    }
    const imports: {
      rows: number;
      importSeconds: number;
      uploadSeconds: number;
      copySeconds: number;
    }[] = [];
    const importToken = await login(Math.min(3, args.orgs));
    for (const rows of args.importRows) {
      const imp = await importThroughput(importToken, rows);
      const copySeconds = await copyThroughput(sql, org3, rows);
      imports.push({
        rows,
        importSeconds: imp.seconds,
        uploadSeconds: imp.uploadSeconds,
        copySeconds,
      });
      console.log(
        `import ${rows}: ${Math.round(rows / imp.seconds)} rows/s; COPY ${Math.round(rows / copySeconds)} rows/s`,
      );
    }
    const exp = await exportThroughput(token);
    console.log(`export: ${exp.rows} rows in ${exp.seconds.toFixed(1)} s`);
    const [{ version }] =
      (await sql`select current_setting('server_version') as version`) as unknown as [
        { version: string },
      ];
    writeReport({ figures, imports, exp, leadCount, allLeads, pgVersion: version });
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
});

function writeReport(r: {
  figures: Figures[];
  imports: { rows: number; importSeconds: number; uploadSeconds: number; copySeconds: number }[];
  exp: { rows: number; bytes: number; seconds: number };
  leadCount: number;
  allLeads: number;
  pgVersion: string;
}) {
  const cpu = os.cpus();
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/run.ts) — do not edit the figures by hand. Reproduce with:",
    "",
    "```sh",
    "export DATABASE_URL=postgres://postgres@127.0.0.1:5432/leadline_bench",
    "npm run build && npm run bench:seed -- --leads 1000000 && npm run bench",
    "```",
    "",
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- PostgreSQL ${r.pgVersion} on the same machine; Node ${process.version}; \`next start\` (production build)`,
    `- Data: ${r.leadCount.toLocaleString("en")} leads in the measured organization, ${r.allLeads.toLocaleString("en")} in the database (several organizations)`,
    "",
    "## Lists, search, filters, stats",
    "",
    `Latency: ${SAMPLES} sequential requests through the API (HTTP, auth, validation, JSON) beside the same SQL run ${SAMPLES} times directly on the same database in the same run; throughput: autocannon, 8 connections, ${args.seconds} s.`,
    "",
    "| Query | API p50 | API p95 | API p99 | SQL p50 | SQL p95 | p95 ratio | req/s (8 conn.) |",
    "|---|---|---|---|---|---|---|---|",
    ...r.figures.map((f) => {
      const ratio = percentile(f.http, 95) / percentile(f.raw, 95);
      return `| ${f.name} | ${ms(percentile(f.http, 50))} ms | ${ms(percentile(f.http, 95))} ms | ${ms(percentile(f.http, 99))} ms | ${ms(percentile(f.raw, 50))} ms | ${ms(percentile(f.raw, 95))} ms | ${ratio.toFixed(1)}× | ${Math.round(f.rps)} |`;
    }),
    "",
    "## Import and export",
    "",
    "| Rows | API import (upload → completed) | rows/s | of which upload | COPY of the same rows | COPY rows/s | ratio |",
    "|---|---|---|---|---|---|---|",
    ...r.imports.map(
      (i) =>
        `| ${i.rows.toLocaleString("en")} | ${i.importSeconds.toFixed(1)} s | ${Math.round(i.rows / i.importSeconds).toLocaleString("en")} | ${i.uploadSeconds.toFixed(1)} s | ${i.copySeconds.toFixed(1)} s | ${Math.round(i.rows / i.copySeconds).toLocaleString("en")} | ${(i.importSeconds / i.copySeconds).toFixed(1)}× |`,
    ),
    "",
    `Export (GET /leads/export, all leads of the organization, CSV): ${r.exp.rows.toLocaleString("en")} rows, ${(r.exp.bytes / 2 ** 20).toFixed(0)} MB in ${r.exp.seconds.toFixed(1)} s — ${Math.round(r.exp.rows / r.exp.seconds).toLocaleString("en")} rows/s.`,
    "",
  ];
  const notesFile = "bench/NOTES.md";
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, "utf8"));
  // The other benchmarks' sections (campaigns, classifier, analytics) and the notes between them
  // stay as they were.
  const rest = restAfterHead();
  if (rest) lines.push(rest);
  fs.writeFileSync("BENCHMARKS.md", lines.join("\n"));
  console.log("wrote BENCHMARKS.md");
}
