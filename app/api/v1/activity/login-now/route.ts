import { z } from "zod";
import { getLoginNow } from "@/lib/analytics/people/login-now";
import { loginNowSchema } from "@/lib/analytics/people/people-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/activity/login-now — who is active now
export const GET = route(
  {
    summary: "Who is active now",
    description:
      "The organization's members seen in the last five minutes, most recent first. For people only (not API keys).",
    tags: ["Activity"],
    auth: "users:read",
    query: z.strictObject({}),
    responses: { 200: { description: "Active members", schema: loginNowSchema } },
  },
  ({ ctx }) => getLoginNow(ctx),
);
