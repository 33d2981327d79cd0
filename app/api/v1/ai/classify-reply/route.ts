import { classifyText, classifyTextInput } from "@/lib/ai/reply-reviews";
import { replyClassificationSchema } from "@/lib/ai/reply-classification";
import { route } from "@/lib/http/route";

// POST /api/v1/ai/classify-reply — classify a reply's text with the organization's model (nothing stored)
export const POST = route(
  {
    summary: "Classify a reply",
    description:
      "The category of a lead's reply by the organization's model, or the built-in offline classifier (`mode: offline`) without one, over budget, or when the model fails.",
    tags: ["AI"],
    auth: "conversations:read",
    body: classifyTextInput,
    responses: { 200: { description: "The classification", schema: replyClassificationSchema } },
  },
  ({ ctx, body }) => classifyText(ctx, body),
);
