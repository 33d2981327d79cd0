import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobRuns, type StoredEvent } from "@/db/schema";
import { isUuid } from "@/lib/crypto/ids";
import { evaluateKey, matches } from "./expressions";
import { eventNameMatches, type RegisteredFunction } from "./registry";

const ACTIVE = ["queued", "running", "sleeping", "waiting"] as const;

export function eventOrganization(event: StoredEvent): string | null {
  const id = event.data?.organizationId;
  return typeof id === "string" && isUuid(id) ? id : null;
}

/**
 * Deliver events to the embedded engine, as Inngest would: start a run of every function the
 * event triggers (once per function and event, however often it is delivered), resume runs
 * waiting for it, and cancel runs whose `cancelOn` it matches. An event only ever touches runs of
 * its own organization.
 */
export async function dispatchEvents(
  db: Database,
  registry: Map<string, RegisteredFunction>,
  events: StoredEvent[],
  now: Date = new Date(),
): Promise<void> {
  for (const event of events) {
    const org = eventOrganization(event);
    await startTriggeredRuns(db, registry, event, org, now);
    await resumeWaitingRuns(db, event, org, now);
    await cancelMatchingRuns(db, registry, event, org, now);
  }
}

async function startTriggeredRuns(
  db: Database,
  registry: Map<string, RegisteredFunction>,
  event: StoredEvent,
  org: string | null,
  now: Date,
) {
  const rows = [];
  for (const fn of registry.values()) {
    const trigger = fn.events.find(
      (t) => eventNameMatches(t.event, event.name) && matches(t.if, { event }),
    );
    if (!trigger) continue;
    rows.push({
      functionId: fn.id,
      triggerKey: event.id,
      event,
      organizationId: org,
      concurrencyKey: evaluateKey(fn.concurrency[0]?.key, { event }),
      throttleKey: evaluateKey(fn.throttle?.key, { event }),
      wakeAt: now,
    });
  }
  if (rows.length) await db.insert(jobRuns).values(rows).onConflictDoNothing();
}

async function resumeWaitingRuns(db: Database, event: StoredEvent, org: string | null, now: Date) {
  const waiting = await db
    .select({ id: jobRuns.id, event: jobRuns.event, waitingFor: jobRuns.waitingFor })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.status, "waiting"),
        eq(jobRuns.waitingEvent, event.name),
        org
          ? sql`(${jobRuns.organizationId} = ${org} or ${jobRuns.organizationId} is null)`
          : undefined,
      ),
    );
  for (const run of waiting) {
    const wait = run.waitingFor;
    if (!wait || !matches(wait.if, { event: run.event, async: event })) continue;
    // Conditional on still waiting, so a duplicate delivery or a racing timeout resumes it once.
    await db.execute(sql`
      update job_runs
         set status = 'queued',
             step_state = step_state || jsonb_build_object(${wait.stepId}::text, jsonb_build_object('data', ${JSON.stringify(event)}::jsonb)),
             step_order = step_order || to_jsonb(${wait.stepId}::text),
             waiting_for = null, waiting_event = null, wake_at = ${now.toISOString()}::timestamptz, updated_at = now()
       where id = ${run.id} and status = 'waiting'`);
  }
}

async function cancelMatchingRuns(
  db: Database,
  registry: Map<string, RegisteredFunction>,
  event: StoredEvent,
  org: string | null,
  now: Date,
) {
  for (const fn of registry.values()) {
    const rules = fn.cancelOn.filter((c) => eventNameMatches(c.event, event.name));
    if (!rules.length) continue;
    const candidates = await db
      .select({ id: jobRuns.id, event: jobRuns.event, triggerKey: jobRuns.triggerKey })
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.functionId, fn.id),
          inArray(jobRuns.status, [...ACTIVE]),
          org ? eq(jobRuns.organizationId, org) : undefined,
        ),
      );
    // A run is never cancelled by the event that started it (as in Inngest).
    const ids = candidates
      .filter((run) => run.triggerKey !== event.id)
      .filter((run) => rules.some((rule) => matches(rule.if, { event: run.event, async: event })))
      .map((run) => run.id);
    if (!ids.length) continue;
    await db
      .update(jobRuns)
      .set({
        status: "cancelled",
        finishedAt: now,
        error: `cancelled by ${event.name}`,
        leaseUntil: null,
      })
      .where(and(inArray(jobRuns.id, ids), inArray(jobRuns.status, [...ACTIVE])));
  }
}
