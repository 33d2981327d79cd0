import { emailSummarySchema, listEmails, listEmailsQuery } from "@/lib/email/email-outbox";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/email-outbox — mail the organization sent (the local outbox when no provider is set)
export const GET = route(
  {
    summary: "List sent email",
    tags: ["Email"],
    auth: "email_outbox:read",
    query: listEmailsQuery,
    responses: {
      200: { description: "Messages, newest first", schema: listSchema(emailSummarySchema) },
    },
  },
  async ({ ctx, query }) => listResponse(await listEmails(ctx, query)),
);
