import { ServerTiming } from "inngest/internals";
import { StepMode, StepOpCode, type OutgoingOp } from "inngest/types";
import type { StepResult, StoredEvent, WaitingFor } from "@/db/schema";
import { log } from "@/lib/log";
import { resolveTime } from "./durations";
import type { RegisteredFunction } from "./registry";

/** The part of a run the executor reads and advances. */
export interface RunState {
  id: string;
  event: StoredEvent;
  attempt: number;
  stepState: Record<string, StepResult>;
  stepOrder: string[];
  pendingSteps: string[];
}

/** Where a run stands after the executor has taken it as far as it can go right now. */
export type RunOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: string }
  | { kind: "retry"; at: Date; error: string }
  | { kind: "sleeping"; stepId: string; until: Date }
  | { kind: "waiting"; wait: WaitingFor }
  /** Progress made but the turn budget ran out: requeue and continue shortly. */
  | { kind: "yield" };

const MAX_TURNS = 100;
const silentTimer = () =>
  new ServerTiming.ServerTiming({ info() {}, warn() {}, error() {}, debug() {} } as never);

function backoff(attempt: number): number {
  // 1s, 2s, 4s, ... capped at 10 minutes, with jitter so retries don't stampede.
  const base = Math.min(600_000, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: string; message?: string };
    if (e.message) return e.name && e.name !== "Error" ? `${e.name}: ${e.message}` : e.message;
  }
  return typeof error === "string" ? error : JSON.stringify(error);
}

/**
 * Advance one run through as many steps as can run now, memoizing each step's result the way
 * Inngest's executor does (hashed step id → data/error, in completion order), so re-entering the
 * function replays finished steps instead of running them again. `persist` is called after every
 * step so a crash loses at most the step in flight; it returns false if the run was cancelled
 * meanwhile, which stops execution.
 */
export async function executeRun(
  fn: RegisteredFunction,
  run: RunState,
  persist: (state: RunState) => Promise<boolean>,
  now: () => Date = () => new Date(),
): Promise<RunOutcome> {
  const state: RunState = {
    ...run,
    stepState: { ...run.stepState },
    stepOrder: [...run.stepOrder],
    pendingSteps: [...run.pendingSteps],
  };
  const client = (fn.fn as unknown as { client: unknown }).client;

  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const requestedRunStep = state.pendingSteps[0];
    const stepState = Object.fromEntries(
      Object.entries(state.stepState).map(([id, r]) => [id, { id, ...r }]),
    );
    const execution = (
      fn.fn as unknown as {
        createExecution(o: unknown): { start(): Promise<ExecutionResult> };
      }
    ).createExecution({
      partialOptions: {
        client,
        runId: state.id,
        data: {
          runId: state.id,
          attempt: state.attempt,
          maxAttempts: fn.maxAttempts,
          event: state.event,
          events: [state.event],
        },
        reqArgs: [],
        headers: {},
        stepCompletionOrder: state.stepOrder,
        stepState,
        stepMode: StepMode.Async,
        handlerKind: "main",
        disableImmediateExecution: false,
        isFailureHandler: false,
        timer: silentTimer(),
        requestedRunStep,
      },
    });
    const result = await execution.start();

    switch (result.type) {
      case "function-resolved":
        return { kind: "completed", output: result.data ?? null };

      case "function-rejected": {
        const error = errorText(result.error);
        if (result.retriable !== false && state.attempt + 1 < fn.maxAttempts) {
          const delay =
            typeof result.retriable === "string"
              ? resolveTime(result.retriable, now()).getTime() - now().getTime()
              : backoff(state.attempt);
          state.attempt += 1;
          if (!(await persist(state))) return { kind: "failed", error: "cancelled" };
          return { kind: "retry", at: new Date(now().getTime() + delay), error };
        }
        return { kind: "failed", error };
      }

      case "step-ran": {
        const step = result.step;
        if (step.op === StepOpCode.StepError) {
          // A retriable step failure: run the same step again later, at the next attempt.
          state.attempt += 1;
          if (!state.pendingSteps.includes(step.id)) state.pendingSteps.unshift(step.id);
          if (!(await persist(state))) return { kind: "failed", error: "cancelled" };
          return {
            kind: "retry",
            at: new Date(now().getTime() + backoff(state.attempt - 1)),
            error: errorText(step.error),
          };
        }
        record(
          state,
          step.id,
          step.op === StepOpCode.StepFailed ? { error: step.error } : { data: step.data ?? null },
        );
        state.attempt = 0;
        if (!(await persist(state))) return { kind: "failed", error: "cancelled" };
        continue;
      }

      case "steps-found": {
        const before = JSON.stringify([state.stepOrder, state.pendingSteps]);
        let parked: RunOutcome | undefined;
        for (const op of result.steps) {
          if (op.op === StepOpCode.StepPlanned) {
            if (!state.pendingSteps.includes(op.id)) state.pendingSteps.push(op.id);
          } else if (op.op === StepOpCode.Sleep) {
            const until = resolveTime(op.name, now());
            if (until <= now()) record(state, op.id, { data: null });
            else if (!parked || (parked.kind === "sleeping" && until < parked.until)) {
              parked = { kind: "sleeping", stepId: op.id, until };
            }
          } else if (op.op === StepOpCode.WaitForEvent) {
            const opts = (op.opts ?? {}) as { timeout?: string; if?: string };
            parked ??= {
              kind: "waiting",
              wait: {
                stepId: op.id,
                event: op.name ?? "",
                if: opts.if,
                expiresAt: resolveTime(opts.timeout ?? "1y", now()).toISOString(),
              },
            };
          } else if (op.op === StepOpCode.RunComplete) {
            return { kind: "completed", output: op.data ?? null };
          } else if (op.op === StepOpCode.StepRun || op.op === StepOpCode.Step) {
            record(state, op.id, { data: op.data ?? null });
          } else {
            return {
              kind: "failed",
              error: `The embedded job engine does not support ${op.op} (step "${op.displayName ?? op.id}")`,
            };
          }
        }
        if (!(await persist(state))) return { kind: "failed", error: "cancelled" };
        if (state.pendingSteps.length) continue;
        if (parked) return parked;
        if (JSON.stringify([state.stepOrder, state.pendingSteps]) === before) {
          return { kind: "failed", error: "The function reported steps but none could run" };
        }
        continue;
      }

      case "step-not-found":
        return { kind: "failed", error: `Step ${result.step.id} no longer exists in the function` };

      default:
        log.warn("embedded engine: unexpected execution result", {
          type: result.type,
          runId: state.id,
        });
        return { kind: "failed", error: `Unexpected execution result ${result.type}` };
    }
  }
  return { kind: "yield" };
}

function record(state: RunState, id: string, result: StepResult) {
  state.stepState[id] = result;
  if (!state.stepOrder.includes(id)) state.stepOrder.push(id);
  state.pendingSteps = state.pendingSteps.filter((s) => s !== id);
}

type ExecutionResult =
  | { type: "function-resolved"; data: unknown }
  | { type: "function-rejected"; error: unknown; retriable: boolean | string }
  | { type: "step-ran"; step: OutgoingOp; retriable?: boolean | string }
  | { type: "steps-found"; steps: OutgoingOp[] }
  | { type: "step-not-found"; step: OutgoingOp }
  | { type: "change-mode" };
