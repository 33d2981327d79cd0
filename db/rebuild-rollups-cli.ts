import { rebuildAnalyticsRollups } from "@/lib/analytics/rollups/rebuild-rollups";
import { getDatabase } from "./client";
import { runScript } from "./run-script";

// npm run db:rebuild-rollups [-- <organization id>] — recompute the analytics rollups and lead counts.
runScript(async () => {
  const organizationId = process.argv[2] ?? null;
  const handle = await getDatabase();
  const started = Date.now();
  await rebuildAnalyticsRollups(handle.db, organizationId);
  console.log(
    `Analytics rollups and lead counts rebuilt for ${organizationId ?? "every organization"} on ${handle.driver} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
