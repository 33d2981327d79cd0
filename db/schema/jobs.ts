import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizations } from "./identity";

export const JOB_RUN_STATUSES = [
  "queued",
  "running",
  "sleeping",
  "waiting",
  "completed",
  "failed",
  "cancelled",
] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export interface StepResult {
  data?: unknown;
  error?: unknown;
}

export interface WaitingFor {
  stepId: string;
  event: string;
  if?: string;
  expiresAt: string;
}

/**
 * Runs of Inngest functions executed by the embedded job engine (when no Inngest server is
 * configured). Holds exactly what Inngest's executor would: the trigger, memoized step results in
 * completion order, and what the run is sleeping or waiting for.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: idColumn(),
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    functionId: text("function_id").notNull(),
    /** The triggering event's id: one run per function per event, however often it is delivered. */
    triggerKey: text("trigger_key").notNull(),
    event: jsonb("event").$type<StoredEvent>().notNull(),
    status: text("status", { enum: JOB_RUN_STATUSES }).notNull().default("queued"),
    attempt: integer("attempt").notNull().default(0),
    stepState: jsonb("step_state").$type<Record<string, StepResult>>().notNull().default({}),
    stepOrder: jsonb("step_order").$type<string[]>().notNull().default([]),
    /** Steps planned in parallel and not yet run (hashed ids). */
    pendingSteps: jsonb("pending_steps").$type<string[]>().notNull().default([]),
    sleepingStep: text("sleeping_step"),
    waitingFor: jsonb("waiting_for").$type<WaitingFor>(),
    waitingEvent: text("waiting_event"),
    concurrencyKey: text("concurrency_key"),
    throttleKey: text("throttle_key"),
    wakeAt: tszNow("wake_at"),
    leaseUntil: tsz("lease_until"),
    startedAt: tsz("started_at"),
    finishedAt: tsz("finished_at"),
    output: jsonb("output"),
    error: text("error"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("job_runs_function_trigger_key").on(t.functionId, t.triggerKey),
    index("job_runs_runnable_idx")
      .on(t.wakeAt)
      .where(sql`${t.status} in ('queued', 'sleeping', 'waiting')`),
    index("job_runs_waiting_idx")
      .on(t.waitingEvent)
      .where(sql`${t.status} = 'waiting'`),
    index("job_runs_org_created_idx").on(t.organizationId, t.createdAt),
    index("job_runs_function_status_idx").on(t.functionId, t.status),
  ],
);
