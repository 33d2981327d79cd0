import { classifiedMessageSchema, reclassifyLatestReply } from "@/lib/ai/reply-reviews";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/reclassify — classify the lead's latest message again and apply it
export const POST = route(
  {
    summary: "Reclassify a lead's latest reply",
    tags: ["AI"],
    auth: "conversations:write",
    params: idParams,
    responses: {
      200: { description: "The message, classified again", schema: classifiedMessageSchema },
      422: { description: "The lead has sent no message" },
    },
  },
  ({ ctx, params }) => reclassifyLatestReply(ctx, params.id),
);
