import { getDb } from "@/db/client";
import { failImport, processImportSlice } from "@/lib/leads/import/process-import";
import { inngest } from "../client";
import { importQueued } from "../events";

/**
 * Imports a queued CSV in durable slices: each step imports up to 20,000 rows and returns, so a
 * crash or deploy resumes at the last committed batch (the import's own resume point makes a
 * replayed step harmless). One run per import at a time.
 */
export const processImportFn = inngest.createFunction(
  {
    id: "process-import",
    triggers: [importQueued],
    concurrency: { limit: 1, key: "event.data.importId" },
    retries: 5,
  },
  async ({ event, step, attempt, maxAttempts }) => {
    const { organizationId, importId } = event.data;
    let rows = 0;
    for (let slice = 0; slice < 100_000; slice++) {
      const result = await step.run(`slice-${slice}`, async () => {
        const db = await getDb();
        try {
          return await processImportSlice(db, organizationId, importId);
        } catch (error) {
          // Out of retries: the import says so (what was imported stays, and it can be resumed).
          if (maxAttempts !== undefined && attempt + 1 < maxAttempts) throw error;
          await failImport(db, organizationId, importId, (error as Error).message);
          return { done: true, rowsProcessed: -1 };
        }
      });
      rows = result.rowsProcessed;
      if (result.done) break;
    }
    return { rowsProcessed: rows };
  },
);
