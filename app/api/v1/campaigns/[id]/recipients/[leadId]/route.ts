import { recipientParams } from "@/lib/campaigns/campaign-schemas";
import { removeRecipient } from "@/lib/campaigns/recipients";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// DELETE /api/v1/campaigns/{id}/recipients/{leadId} — take a lead out; its sequence stops now
export const DELETE = route(
  {
    summary: "Remove a recipient",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: recipientParams,
    responses: { 204: { description: "Removed (state `removed`)" } },
  },
  async ({ ctx, params }) => {
    await removeRecipient(ctx, params.id, params.leadId);
    return noContent();
  },
);
