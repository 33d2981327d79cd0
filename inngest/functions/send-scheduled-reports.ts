import { getDb } from "@/db/client";
import { sendScheduledReports } from "@/lib/reports/send-scheduled-reports";
import { inngest } from "../client";

/**
 * Hourly: email the saved reports whose schedule is due. The domain function claims each report
 * and queues its emails in one transaction with per-period idempotency keys, so a retried step
 * sends nothing twice.
 */
export const sendScheduledReportsFn = inngest.createFunction(
  { id: "send-scheduled-reports", triggers: [{ cron: "23 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    return step.run("send", async () => sendScheduledReports(await getDb()));
  },
);
