/**
 * npm run bench:campaigns [-- --recipients 100000 --sends 2000] — against PostgreSQL.
 *
 * Measures what issue 6 promises about large campaigns: adding 100,000 leads by filter, launching
 * (the request must answer in under 2 s — it writes one event; the fan-out runs in the
 * background), the background fan-out that starts one sequence per recipient, and how fast
 * sequences send their first step and the local outbox delivers it. Each run builds a fresh
 * organization, so runs don't disturb each other; the figures go into BENCHMARKS.md between the
 * campaign markers.
 */
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { and, count, eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { getDatabase } from "@/db/client";
import { runScript } from "@/db/run-script";
import { campaignRecipients, emailMessages, jobRuns, outboxEvents } from "@/db/schema";
import { campaignSequenceFn } from "@/inngest/functions/campaign-sequence";
import { campaignFanOutFn } from "@/inngest/functions/campaign-fan-out";
import { sendEmailFn } from "@/inngest/functions/send-email";
import { addRecipients } from "@/lib/campaigns/recipients";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { launchCampaign } from "@/lib/campaigns/lifecycle";
import { systemCtx } from "@/lib/context";
import { newId } from "@/lib/crypto/ids";
import { EmbeddedJobEngine } from "@/lib/jobs/embedded/engine";
import { displayNameOf } from "@/lib/leads/normalize";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { copyRows } from "./copy";
import { BENCH_PASSWORD } from "./shared";

const { values } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    sends: { type: "string", default: "2000" },
  },
});
const RECIPIENTS = Number(values.recipients);
const SENDS = Number(values.sends);
const START_MARK = "<!-- campaign-bench:start -->";
const END_MARK = "<!-- campaign-bench:end -->";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

runScript(async () => {
  const handle = await getDatabase();
  if (handle.driver !== "postgres") throw new Error("bench:campaigns needs DATABASE_URL");
  const { db } = handle;
  const sqlClient = handle.client as Sql;
  const run = newId().slice(-8);

  const { orgId } = await db.transaction(async (tx) => {
    const owner = await createUser(tx, {
      email: `campaign-bench-${run}@bench.leadline.dev`,
      name: "Campaign Bench",
      password: BENCH_PASSWORD,
    });
    const org = await createOrganization(tx, {
      name: `Campaign bench ${run}`,
      ownerUserId: owner.id,
    });
    return { orgId: org.id };
  });
  const ctx = systemCtx(db, orgId);
  const mailbox = await createMailbox(ctx, {
    name: "Bench",
    fromName: "Bench Sender",
    fromAddress: `sender-${run}@bench.leadline.dev`,
    isDefault: true,
    dailyCap: 1_000_000,
    hourlyCap: 1_000_000,
  });

  const now = new Date().toISOString();
  function* leadRows() {
    for (let i = 0; i < RECIPIENTS; i++) {
      const firstName = `Lead${i}`;
      const lastName = "Bench";
      yield {
        id: newId(),
        organization_id: orgId,
        first_name: firstName,
        last_name: lastName,
        display_name: displayNameOf({ firstName, lastName, email: null, company: null }),
        email: `lead${i}-${run}@example.org`,
        company: `Company ${i % 5000}`,
        status: "new",
        reached_statuses: ["new"],
        search_text: `${firstName} ${lastName}`.toLowerCase(),
        created_at: now,
        updated_at: now,
      };
    }
  }
  const [, seedMs] = await timed(() => copyRows(sqlClient, "leads", leadRows()));
  await sqlClient.unsafe("analyze leads");
  console.log(`seeded ${RECIPIENTS} leads in ${seconds(seedMs)}`);

  const campaign = await createCampaign(ctx, {
    name: "Bench campaign",
    mailboxIds: [mailbox.id],
    // Every hour of every day, so the measured sends are never waiting for a window.
    sendWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" },
    timezone: "UTC",
    useLeadTimezone: false,
    dailyLimit: 100_000,
    steps: [1, 2, 3].map((n) => ({
      delayDays: n === 1 ? 0 : 3,
      delayHours: 0,
      variants: [
        {
          weight: 50,
          subject: `Step ${n} for {{firstName}}`,
          html: `<p>Hi {{firstName|there}}, step ${n}. <a href="https://example.org/x">Read</a></p><p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
        },
      ],
    })),
  });

  const [added, addMs] = await timed(() => addRecipients(ctx, campaign.id, { filter: {} }));
  console.log(`added ${added.added} recipients in ${seconds(addMs)}`);

  const [, launchMs] = await timed(() => launchCampaign(ctx, campaign.id));
  console.log(`launch answered in ${seconds(launchMs)}`);

  // The fan-out, run by the embedded engine exactly as the server's background loop would.
  const [startedEvent] = await db
    .select()
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.organizationId, orgId),
        eq(outboxEvents.name, "campaign/started"),
        sql`${outboxEvents.sentAt} is null`,
      ),
    );
  await db
    .update(outboxEvents)
    .set({ sentAt: new Date() })
    .where(eq(outboxEvents.id, startedEvent!.id));
  const engine = new EmbeddedJobEngine(db, [campaignFanOutFn, campaignSequenceFn, sendEmailFn]);
  const [, fanOutMs] = await timed(async () => {
    await engine.dispatch([
      {
        id: startedEvent!.id,
        name: startedEvent!.name,
        data: startedEvent!.data,
        ts: startedEvent!.createdAt.getTime(),
      },
    ]);
    await engine.drain(10_000);
  });
  const [queued] = await db
    .select({ n: count() })
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.organizationId, orgId),
        eq(outboxEvents.name, "campaign/recipient.started"),
      ),
    );
  console.log(`fan-out queued ${queued!.n} sequence starts in ${seconds(fanOutMs)}`);

  // First steps of SENDS sequences: plan, send (render, decorate, store), then delivery.
  const starts = await db
    .select()
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.organizationId, orgId),
        eq(outboxEvents.name, "campaign/recipient.started"),
      ),
    )
    .limit(SENDS);
  const [, sequenceMs] = await timed(async () => {
    await engine.dispatch(
      starts.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
    );
    await engine.drain(100_000);
  });
  const [sent] = await db
    .select({ n: count() })
    .from(emailMessages)
    .where(and(eq(emailMessages.organizationId, orgId), eq(emailMessages.campaignId, campaign.id)));
  console.log(`${sent!.n} first steps composed and stored in ${seconds(sequenceMs)}`);

  const queuedMail = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.organizationId, orgId), eq(outboxEvents.name, "email/queued")));
  const [, deliverMs] = await timed(async () => {
    await engine.dispatch(
      queuedMail.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
    );
    await engine.drain(100_000);
  });
  const [delivered] = await db
    .select({ n: count() })
    .from(emailMessages)
    .where(and(eq(emailMessages.campaignId, campaign.id), eq(emailMessages.status, "sent")));
  console.log(`${delivered!.n} delivered to the local outbox in ${seconds(deliverMs)}`);

  // Leave nothing behind that a running server would pick up.
  await db.delete(outboxEvents).where(eq(outboxEvents.organizationId, orgId));
  await db.execute(sql`delete from ${jobRuns} where event->'data'->>'organizationId' = ${orgId}`);
  const [stillQueued] = await db
    .select({ n: count() })
    .from(campaignRecipients)
    .where(
      and(eq(campaignRecipients.campaignId, campaign.id), eq(campaignRecipients.state, "queued")),
    );

  const section = [
    START_MARK,
    "## Campaigns",
    "",
    `Written by \`npm run bench:campaigns\` (bench/campaigns.ts) on ${new Date().toISOString().slice(0, 10)}: a fresh organization with ${RECIPIENTS.toLocaleString("en-US")} leads on PostgreSQL, a 3-step campaign, the embedded job engine in one process (${os.cpus().length} cores).`,
    "",
    "| Operation | Count | Time | Rate |",
    "|---|---|---|---|",
    `| Add recipients by filter (one INSERT … SELECT with exclusion reasons) | ${added.added.toLocaleString("en-US")} | ${seconds(addMs)} | ${perSecond(added.added, addMs)}/s |`,
    `| **Launch** (the request: status change + one event; target < 2 s) | 1 | ${seconds(launchMs)} | |`,
    `| Background fan-out (one sequence start per recipient, batches of 1,000) | ${queued!.n.toLocaleString("en-US")} | ${seconds(fanOutMs)} | ${perSecond(queued!.n, fanOutMs)}/s |`,
    `| Sequence first steps (plan, caps, render, track, store) | ${sent!.n.toLocaleString("en-US")} | ${seconds(sequenceMs)} | ${perSecond(sent!.n, sequenceMs)}/s |`,
    `| Delivery to the local outbox | ${delivered!.n.toLocaleString("en-US")} | ${seconds(deliverMs)} | ${perSecond(delivered!.n, deliverMs)}/s |`,
    "",
    `Recipients not yet started when the run ended: ${stillQueued!.n} (the bench sends only the first ${SENDS.toLocaleString("en-US")}). With a provider, delivery is bounded by its rate limit (Resend: 2 requests/s by default, see inngest/functions/send-email.ts), not by Leadline.`,
    END_MARK,
  ].join("\n");
  const file = "BENCHMARKS.md";
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const next = current.includes(START_MARK)
    ? current.replace(new RegExp(`${START_MARK}[\\s\\S]*?${END_MARK}`), section)
    : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
  console.log(section);
});
