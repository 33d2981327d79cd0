import { and, eq, sql } from "drizzle-orm";
import { Cron } from "croner";
import type { InngestFunction } from "inngest";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/client";
import { jobRuns, type StepResult, type StoredEvent, type WaitingFor } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { log } from "@/lib/log";
import { dispatchEvents } from "./dispatch";
import { executeRun, type RunOutcome, type RunState } from "./execute-run";
import { evaluateKey } from "./expressions";
import { eventKeyPath, registerFunctions, type RegisteredFunction } from "./registry";

const LEASE_MS = 5 * 60_000;

interface ClaimedRow {
  id: string;
  function_id: string;
  event: StoredEvent;
  previous_status: string;
  attempt: number;
  step_state: Record<string, StepResult>;
  step_order: string[];
  pending_steps: string[];
  sleeping_step: string | null;
  waiting_for: WaitingFor | null;
  concurrency_key: string | null;
  throttle_key: string | null;
  started_at: string | Date | null;
}

/**
 * Runs Leadline's Inngest functions in process when no Inngest server is configured — the
 * embedded default. Runs live in `job_runs` (durable across restarts, shared by several app
 * processes on PostgreSQL through leases and SKIP LOCKED) and honour the options the functions
 * declare: event and cron triggers, `if` filters, step memoization, sleeps, waitForEvent with
 * timeouts, cancelOn, retries with backoff, concurrency and throttle keys.
 */
export class EmbeddedJobEngine {
  readonly registry: Map<string, RegisteredFunction>;
  private cronCursor = new Map<string, Date>();

  constructor(
    private readonly db: Database,
    functions: readonly InngestFunction.Any[],
    private readonly now: () => Date = () => new Date(),
    /**
     * How many claimed runs execute at once. 1 (tests, PGlite — one connection, nothing to gain)
     * keeps each tick strictly sequential; on PostgreSQL the server runs several, so a run waiting
     * on the database doesn't hold up the others.
     */
    private readonly parallelism = 1,
  ) {
    this.registry = registerFunctions(functions);
  }

  dispatch(events: StoredEvent[]): Promise<void> {
    return dispatchEvents(this.db, this.registry, events, this.now());
  }

  /** Start runs for cron schedules that came due since the last call (no backfill on boot). */
  async scheduleCrons(): Promise<number> {
    const now = this.now();
    let scheduled = 0;
    for (const fn of this.registry.values()) {
      for (const pattern of fn.crons) {
        const key = `${fn.id}:${pattern}`;
        const cursor = this.cronCursor.get(key);
        if (!cursor) {
          this.cronCursor.set(key, now);
          continue;
        }
        const due = new Cron(pattern, { timezone: "UTC" }).nextRun(cursor);
        if (!due || due > now) continue;
        this.cronCursor.set(key, due);
        const event: StoredEvent = {
          id: newId(),
          name: "inngest/scheduled.timer",
          data: { cron: pattern },
          ts: due.getTime(),
        };
        // The trigger key is the tick, so several processes schedule each tick once between them.
        await this.db
          .insert(jobRuns)
          .values({
            functionId: fn.id,
            triggerKey: `cron:${pattern}:${due.toISOString()}`,
            event,
            wakeAt: now,
          })
          .onConflictDoNothing();
        scheduled++;
      }
    }
    return scheduled;
  }

  /** Claim and execute runnable runs; returns how many were executed. */
  async tick(limit = 10): Promise<number> {
    const candidates = await queryRows<{
      id: string;
      function_id: string;
      event: StoredEvent;
    }>(
      this.db,
      sql`select id, function_id, event from job_runs
           where wake_at <= ${this.now().toISOString()}::timestamptz
             and (status in ('queued', 'sleeping', 'waiting')
                  or (status = 'running' and lease_until < ${this.now().toISOString()}::timestamptz))
           order by wake_at, id
           limit ${limit * 3}`,
    );
    let executed = 0;
    const inFlight = new Set<Promise<void>>();
    for (const candidate of candidates) {
      if (executed >= limit) break;
      const fn = this.registry.get(candidate.function_id);
      // Checks, claims and start marks stay one at a time, so concurrency and throttle limits
      // see every run already claimed; only the executions overlap.
      if (fn && !(await this.hasConcurrencySlot(fn, candidate.event))) continue;
      const claimed = await this.claim(candidate.id);
      if (!claimed) continue;
      if (fn && !(await this.passesThrottle(fn, claimed))) continue;
      if (fn && !claimed.started_at) {
        await this.db
          .update(jobRuns)
          .set({ startedAt: this.now() })
          .where(eq(jobRuns.id, claimed.id));
      }
      executed++;
      const execution = this.execute(claimed, fn).catch((error: unknown) =>
        log.error("embedded engine: run not recorded", { runId: claimed.id, error }),
      );
      if (this.parallelism <= 1) {
        await execution;
        continue;
      }
      const tracked = execution.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= this.parallelism) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return executed;
  }

  /** Run everything that is due until nothing is (tests and scripts). */
  async drain(maxRounds = 200): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      if ((await this.tick(50)) === 0) return;
    }
  }

  /**
   * Whether every concurrency limit of the function has a free slot for this event: for each,
   * the runs executing right now whose event has the same key value (read from the stored event,
   * so a function may limit by several keys at once, e.g. per mailbox and per organization).
   */
  private async hasConcurrencySlot(fn: RegisteredFunction, event: StoredEvent): Promise<boolean> {
    for (const limit of fn.concurrency) {
      const keyed = limit.key
        ? sql`and (event #>> ${`{${eventKeyPath(limit.key).join(",")}}`}::text[]) is not distinct from ${evaluateKey(limit.key, { event })}`
        : sql``;
      const [row] = await queryRows<{ n: number }>(
        this.db,
        sql`select count(*)::int as n from job_runs
             where function_id = ${fn.id} and status = 'running'
               and lease_until > ${this.now().toISOString()}::timestamptz
               ${keyed}`,
      );
      if ((row?.n ?? 0) >= limit.limit) return false;
    }
    return true;
  }

  private async claim(id: string): Promise<ClaimedRow | undefined> {
    const nowIso = this.now().toISOString();
    const [row] = await queryRows<ClaimedRow>(
      this.db,
      sql`with picked as (
            select id, status as previous from job_runs
             where id = ${id} and wake_at <= ${nowIso}::timestamptz
               and (status in ('queued', 'sleeping', 'waiting')
                    or (status = 'running' and lease_until < ${nowIso}::timestamptz))
             for update skip locked)
          update job_runs j
             set status = 'running',
                 lease_until = ${nowIso}::timestamptz + make_interval(secs => ${LEASE_MS / 1000}),
                 updated_at = now()
            from picked where j.id = picked.id
          returning j.*, picked.previous as previous_status`,
    );
    return row;
  }

  /** Throttle limits how many runs may *start* per period; a run over it waits for a slot. */
  private async passesThrottle(fn: RegisteredFunction, run: ClaimedRow): Promise<boolean> {
    if (!fn.throttle || run.started_at) return true;
    const since = new Date(this.now().getTime() - fn.throttle.periodMs).toISOString();
    const [row] = await queryRows<{ n: number; oldest: string | null }>(
      this.db,
      sql`select count(*)::int as n, min(started_at) as oldest from job_runs
           where function_id = ${fn.id} and started_at > ${since}::timestamptz
             and throttle_key is not distinct from ${run.throttle_key}`,
    );
    if ((row?.n ?? 0) < fn.throttle.limit) return true;
    const retryAt = new Date(new Date(row!.oldest!).getTime() + fn.throttle.periodMs + 10);
    await this.db
      .update(jobRuns)
      .set({ status: "queued", wakeAt: retryAt, leaseUntil: null })
      .where(and(eq(jobRuns.id, run.id), eq(jobRuns.status, "running")));
    return false;
  }

  private async execute(row: ClaimedRow, fn: RegisteredFunction | undefined): Promise<void> {
    if (!fn) {
      await this.finish(row.id, { kind: "failed", error: `Unknown function ${row.function_id}` });
      return;
    }
    const state: RunState = {
      id: row.id,
      event: row.event,
      attempt: row.attempt,
      stepState: row.step_state,
      stepOrder: row.step_order,
      pendingSteps: row.pending_steps,
    };
    // Waking from a sleep or a wait's timeout fulfils that step with null, as Inngest does.
    const woken =
      row.previous_status === "sleeping"
        ? row.sleeping_step
        : row.previous_status === "waiting"
          ? row.waiting_for?.stepId
          : null;
    if (woken) {
      state.stepState = { ...state.stepState, [woken]: { data: null } };
      state.stepOrder = [...state.stepOrder, woken];
    }
    let outcome: RunOutcome;
    try {
      outcome = await executeRun(fn, state, (s) => this.persist(s), this.now);
    } catch (error) {
      log.error("embedded engine: run crashed", { runId: row.id, functionId: fn.id, error });
      outcome = {
        kind: "retry",
        at: new Date(this.now().getTime() + 30_000),
        error: String(error),
      };
    }
    await this.finish(row.id, outcome);
  }

  private async persist(state: RunState): Promise<boolean> {
    const updated = await this.db
      .update(jobRuns)
      .set({
        attempt: state.attempt,
        stepState: state.stepState,
        stepOrder: state.stepOrder,
        pendingSteps: state.pendingSteps,
        sleepingStep: null,
        waitingFor: null,
        waitingEvent: null,
        leaseUntil: new Date(this.now().getTime() + LEASE_MS),
      })
      .where(and(eq(jobRuns.id, state.id), eq(jobRuns.status, "running")))
      .returning({ id: jobRuns.id });
    return updated.length > 0;
  }

  private async finish(id: string, outcome: RunOutcome): Promise<void> {
    const base = and(eq(jobRuns.id, id), eq(jobRuns.status, "running"));
    const now = this.now();
    switch (outcome.kind) {
      case "completed":
        await this.db
          .update(jobRuns)
          .set({
            status: "completed",
            output: outcome.output,
            finishedAt: now,
            leaseUntil: null,
            error: null,
          })
          .where(base);
        return;
      case "failed":
        log.warn("embedded engine: run failed", { runId: id, error: outcome.error });
        await this.db
          .update(jobRuns)
          .set({ status: "failed", error: outcome.error, finishedAt: now, leaseUntil: null })
          .where(base);
        return;
      case "retry":
        await this.db
          .update(jobRuns)
          .set({ status: "queued", wakeAt: outcome.at, error: outcome.error, leaseUntil: null })
          .where(base);
        return;
      case "sleeping":
        await this.db
          .update(jobRuns)
          .set({
            status: "sleeping",
            sleepingStep: outcome.stepId,
            wakeAt: outcome.until,
            leaseUntil: null,
          })
          .where(base);
        return;
      case "waiting":
        await this.db
          .update(jobRuns)
          .set({
            status: "waiting",
            waitingFor: outcome.wait,
            waitingEvent: outcome.wait.event,
            wakeAt: new Date(outcome.wait.expiresAt),
            leaseUntil: null,
          })
          .where(base);
        return;
      case "yield":
        await this.db
          .update(jobRuns)
          .set({ status: "queued", wakeAt: now, leaseUntil: null })
          .where(base);
        return;
    }
  }
}
