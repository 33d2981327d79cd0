import {
  addRecipientsInput,
  addRecipientsResultSchema,
  listRecipientsQuery,
  recipientSchema,
} from "@/lib/campaigns/campaign-schemas";
import { addRecipients, listRecipients } from "@/lib/campaigns/recipients";
import { listSchema } from "@/lib/http/pagination";
import { idParams } from "@/lib/http/params";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/recipients — the campaign's leads with their sequence state
export const GET = route(
  {
    summary: "List a campaign's recipients",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    query: listRecipientsQuery,
    responses: {
      200: { description: "A page of recipients", schema: listSchema(recipientSchema) },
    },
  },
  async ({ ctx, params, query }) => listResponse(await listRecipients(ctx, params.id, query)),
);

/** Shared with the seed's alias, POST /campaigns/{id}/leads. */
export const addRecipientsRoute = {
  summary: "Add recipients",
  description:
    "Add leads by id, by the leads table's filters, or by a saved lead view. Leads that can't " +
    "be emailed are left out, each with a reason.",
  tags: ["Campaigns"],
  auth: "campaigns:write" as const,
  params: idParams,
  body: addRecipientsInput,
  responses: {
    200: { description: "What was added and what was left out", schema: addRecipientsResultSchema },
    409: { description: "The campaign is stopped or completed (campaignStatus)" },
    422: { description: "An unknown saved view, or one whose filters no longer apply" },
  },
};

// POST /api/v1/campaigns/{id}/recipients — add leads (ids, filter or saved view)
export const POST = route(addRecipientsRoute, ({ ctx, params, body }) =>
  addRecipients(ctx, params.id, body),
);
