import { exportCampaignRecipients } from "@/lib/campaigns/campaign-export";
import { csvResponse } from "@/lib/http/csv-response";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/export — the recipients with state and last message, as CSV
export const GET = route(
  {
    summary: "Export campaign recipients",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    responses: { 200: { description: "CSV, one recipient per row", contentType: "text/csv" } },
  },
  async ({ ctx, params }) => {
    const { header, pages, fileName } = await exportCampaignRecipients(ctx, params.id);
    return csvResponse(header, pages, fileName);
  },
);
