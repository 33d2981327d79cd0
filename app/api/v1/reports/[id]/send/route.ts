import { reportIdParams } from "@/lib/reports/report-schemas";
import { sendReportNow, sendReportNowResultSchema } from "@/lib/reports/send-report-now";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/reports/{id}/send — email a scheduled report to its recipients now
export const POST = route(
  {
    summary: "Send a scheduled report now",
    description:
      "Its creator or an admin. Queues the email the schedule sends (the report in the schedule's format attached) to each recipient still in the organization, run as the report's creator; the schedule itself is unchanged. 422 when the report has no schedule or no recipients.",
    tags: ["Reports"],
    auth: "reports:write",
    params: reportIdParams,
    responses: {
      202: { description: "Emails queued", schema: sendReportNowResultSchema },
      422: { description: "The report has no schedule or no recipients" },
    },
  },
  async ({ ctx, params }) => accepted(await sendReportNow(ctx, params.id)),
);
