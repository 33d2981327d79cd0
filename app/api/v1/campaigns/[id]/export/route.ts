import { z } from "zod";
import {
  exportCampaignRecipients,
  exportCampaignRecipientsPdf,
} from "@/lib/campaigns/campaign-export";
import { csvResponse } from "@/lib/http/csv-response";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { fileResponse } from "@/lib/reports/table-export";

const campaignExportQuery = z
  .strictObject({ format: z.enum(["csv", "pdf"]).default("csv") })
  .meta({ id: "CampaignExportQuery" });

// GET /api/v1/campaigns/{id}/export — the recipients with state and last message, as CSV or PDF
export const GET = route(
  {
    summary: "Export campaign recipients",
    description:
      "CSV by default (every recipient, streamed); `format=pdf` gives a printable table (application/pdf) of the first 2,000.",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    query: campaignExportQuery,
    responses: { 200: { description: "CSV, one recipient per row", contentType: "text/csv" } },
  },
  async ({ ctx, params, query }) => {
    if (query.format === "pdf") {
      const { bytes, fileName } = await exportCampaignRecipientsPdf(ctx, params.id);
      return fileResponse(bytes, "pdf", fileName);
    }
    const { header, pages, fileName } = await exportCampaignRecipients(ctx, params.id);
    return csvResponse(header, pages, fileName);
  },
);
