import { trackEvent, trackEventInput, trackedEventSchema } from "@/lib/leads/tracked-events";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/events — record something the lead did (e.g. a page view)
export const POST = route(
  {
    summary: "Track an event",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: trackEventInput,
    responses: { 201: { description: "Recorded", schema: trackedEventSchema } },
  },
  async ({ ctx, params, body }) => created(await trackEvent(ctx, params.id, body)),
);
