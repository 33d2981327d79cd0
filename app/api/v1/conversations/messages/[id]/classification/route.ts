import {
  classifiedMessageSchema,
  correctClassification,
  correctClassificationInput,
} from "@/lib/ai/reply-reviews";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/messages/{id}/classification — a person corrects a reply's category
export const POST = route(
  {
    summary: "Correct a reply's classification",
    description:
      "Kept as labelled data; the message is marked corrected and the corrected category's effects apply (once).",
    tags: ["AI"],
    auth: "conversations:write",
    params: idParams,
    body: correctClassificationInput,
    responses: { 200: { description: "The corrected message", schema: classifiedMessageSchema } },
  },
  ({ ctx, params, body }) => correctClassification(ctx, params.id, body),
);
