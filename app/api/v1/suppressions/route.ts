import { listSchema } from "@/lib/http/pagination";
import { created, json, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { addSuppression, listSuppressions } from "@/lib/suppressions/manage-suppressions";
import {
  createSuppressionInput,
  listSuppressionsQuery,
  suppressionSchema,
} from "@/lib/suppressions/suppression-schemas";

// GET /api/v1/suppressions — addresses the organization never emails (search by q, filter by reason)
export const GET = route(
  {
    summary: "List suppressed email addresses",
    tags: ["Suppressions"],
    auth: "suppressions:read",
    query: listSuppressionsQuery,
    responses: {
      200: { description: "A page of suppressions", schema: listSchema(suppressionSchema) },
    },
  },
  async ({ ctx, query }) => listResponse(await listSuppressions(ctx, query)),
);

// POST /api/v1/suppressions — suppress an address by hand; its leads' sequences stop
export const POST = route(
  {
    summary: "Suppress an email address",
    description:
      "Adds the address to the suppression list (reason manual) and stops every live campaign " +
      "sequence of the leads with that address. An address already listed is returned with 200.",
    tags: ["Suppressions"],
    auth: "suppressions:write",
    body: createSuppressionInput,
    responses: {
      201: { description: "Suppressed", schema: suppressionSchema },
      200: { description: "Already suppressed", schema: suppressionSchema },
    },
  },
  async ({ ctx, body }) => {
    const { suppression, created: isNew } = await addSuppression(ctx, body);
    return isNew
      ? created(suppression, `/api/v1/suppressions/${suppression.id}`)
      : json(suppression);
  },
);
