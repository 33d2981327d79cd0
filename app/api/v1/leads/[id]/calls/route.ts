import { callListSchema, callSchema, logCallInput } from "@/lib/activity/call-schemas";
import { listCalls, logCall } from "@/lib/activity/calls";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/calls — the calls logged on the lead
export const GET = route(
  {
    summary: "List a lead's calls",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    responses: { 200: { description: "Calls, newest first", schema: callListSchema } },
  },
  ({ ctx, params }) => listCalls(ctx, params.id),
);

// POST /api/v1/leads/{id}/calls — log a call the caller (or, for an API key, the named member) made
export const POST = route(
  {
    summary: "Log a call",
    description:
      "Records the call as the caller's activity, adds it to the lead's timeline and updates the lead's last-contacted time. An API key (a phone system) names the member who made the call in `userId`.",
    tags: ["Leads"],
    auth: "calls:write",
    params: idParams,
    body: logCallInput,
    responses: { 201: { description: "Logged", schema: callSchema } },
  },
  async ({ ctx, params, body }) => {
    const call = await logCall(ctx, params.id, body);
    return created(call, `/api/v1/leads/${params.id}/calls`);
  },
);
