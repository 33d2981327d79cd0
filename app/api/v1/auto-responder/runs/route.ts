import { listRuns } from "@/lib/auto-responder/list-runs";
import { listRunsQuery, runSchema } from "@/lib/auto-responder/rule-schemas";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/auto-responder/runs — what the rules did, newest first
export const GET = route(
  {
    summary: "List auto-responder runs",
    description:
      "One entry per rule and reply: the actions taken and how each ended (done, skipped with the reason, failed, or waiting for approval). Only leads the caller may see.",
    tags: ["Auto-responder"],
    auth: "auto_responder:read",
    query: listRunsQuery,
    responses: { 200: { description: "Runs", schema: listSchema(runSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listRuns(ctx, query)),
);
