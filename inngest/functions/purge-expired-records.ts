import { getDb } from "@/db/client";
import { purgeExpiredRecords } from "@/lib/system/purge-expired-records";
import { inngest } from "../client";

/** Hourly housekeeping: a thin shell over the domain function, one durable step. */
export const purgeExpiredRecordsFn = inngest.createFunction(
  { id: "purge-expired-records", triggers: [{ cron: "17 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    return step.run("purge", async () => purgeExpiredRecords(await getDb()));
  },
);
