import { getDb } from "@/db/client";
import { functions } from "@/inngest/functions";
import { EmbeddedJobEngine } from "@/lib/jobs/embedded/engine";
import { relayOutbox } from "@/lib/jobs/relay";

/**
 * Deliver everything waiting in the outbox to the embedded engine and run it until idle — what the
 * server's background loops do, done synchronously so a test can assert on the outcome.
 */
export async function runPendingJobs(now?: () => Date): Promise<EmbeddedJobEngine> {
  const db = await getDb();
  const engine = new EmbeddedJobEngine(db, functions, now);
  for (let round = 0; round < 20; round++) {
    const relayed = await relayOutbox(db, (events) =>
      engine.dispatch(
        events.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
      ),
    );
    await engine.drain();
    if (relayed.delivered === 0) break;
  }
  return engine;
}
