import type { Database } from "@/db/client";
import { functions } from "@/inngest/functions";
import { log } from "@/lib/log";
import { EmbeddedJobEngine } from "./embedded/engine";
import { deliverToInngest } from "./deliver-to-inngest";
import { jobEngineMode } from "./engine";
import { relayOutbox, type DeliverEvents } from "./relay";
import { onRelayKick } from "./relay-trigger";

type State = { started?: boolean; engine?: EmbeddedJobEngine };
const state: State = ((globalThis as { __leadlineBackground?: State }).__leadlineBackground ??= {});

/** A loop that never overlaps itself and can be nudged to run sooner than its interval. */
function loop(name: string, intervalMs: number, body: () => Promise<boolean | void>) {
  let busy = false;
  let again = false;
  const run = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        // A body returning true had more work: go straight round again.
        if ((await body()) === true) again = true;
      } while (again);
    } catch (error) {
      log.error(`${name} loop failed`, { error });
    } finally {
      busy = false;
    }
  };
  setInterval(run, intervalMs).unref();
  return run;
}

/**
 * The server's background work: relay the outbox to the job engine, and in embedded mode run
 * the job engine itself. Started once per process at boot.
 */
/** Runs the embedded engine executes at once on PostgreSQL (kept well under the pool size). */
export const POSTGRES_JOB_PARALLELISM = 4;

export function startBackgroundWork(
  db: Database,
  options: { parallelism?: number } = {},
): EmbeddedJobEngine | undefined {
  if (state.started) return state.engine;
  state.started = true;
  const mode = jobEngineMode();
  let deliver: DeliverEvents = deliverToInngest;
  let runEngine: (() => Promise<void>) | undefined;
  if (mode === "embedded") {
    const engine = new EmbeddedJobEngine(db, functions, undefined, options.parallelism);
    state.engine = engine;
    deliver = async (events) => {
      await engine.dispatch(
        events.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
      );
      void runEngine?.();
    };
    runEngine = loop("job engine", 500, async () => {
      await engine.scheduleCrons();
      return (await engine.tick(20)) > 0;
    });
  }
  let lastError: string | undefined;
  const relay = loop("outbox relay", 2000, async () => {
    const result = await relayOutbox(db, deliver);
    if (result.error && result.error !== lastError) {
      log.warn(`job engine unreachable; ${result.failed} event(s) wait in the outbox`, {
        error: result.error,
      });
    }
    lastError = result.error;
  });
  onRelayKick(() => void relay());
  void relay();
  return state.engine;
}
