import {
  classifiedMessageSchema,
  listReplyReviews,
  listReviewsQuery,
} from "@/lib/ai/reply-reviews";
import { listSchema } from "@/lib/http/pagination";
import { route } from "@/lib/http/route";

// GET /api/v1/ai/reviews — replies whose classification waits for a person, newest first
export const GET = route(
  {
    summary: "List replies waiting for review",
    tags: ["AI"],
    auth: "conversations:read",
    query: listReviewsQuery,
    responses: {
      200: { description: "Replies to review", schema: listSchema(classifiedMessageSchema) },
    },
  },
  ({ ctx, query }) => listReplyReviews(ctx, query),
);
