import { suggestionsSchema } from "@/lib/ai/drafting/draft-schemas";
import { suggestReplies } from "@/lib/ai/drafting/suggest-replies";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations/{id}/suggestions — short suggested replies to the lead's latest message
export const GET = route(
  {
    summary: "Suggested replies",
    description:
      "Two or three short replies to the lead's latest message, each with a label and intent, by the organization's model — or offline the built-in replies for the message's classification filled with the lead's details (`mode: offline`). Empty when the lead hasn't written yet.",
    tags: ["AI", "Conversations"],
    auth: "conversations:read",
    params: idParams,
    responses: { 200: { description: "The suggestions", schema: suggestionsSchema } },
  },
  ({ ctx, params }) => suggestReplies(ctx, params.id),
);
