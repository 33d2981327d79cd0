import { addRecipients } from "@/lib/campaigns/recipients";
import { route } from "@/lib/http/route";
import { addRecipientsRoute } from "../recipients/route";

// POST /api/v1/campaigns/{id}/leads — the same as POST …/recipients (seed 001's name for it)
export const POST = route(
  { ...addRecipientsRoute, summary: "Add leads to a campaign (alias of add recipients)" },
  ({ ctx, params, body }) => addRecipients(ctx, params.id, body),
);
