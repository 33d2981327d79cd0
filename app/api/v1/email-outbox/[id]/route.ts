import { emailDetailSchema, getEmail } from "@/lib/email/email-outbox";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/email-outbox/{id} — one message with its content
export const GET = route(
  {
    summary: "Get a sent email",
    tags: ["Email"],
    auth: "email_outbox:read",
    params: idParams,
    responses: { 200: { description: "The message", schema: emailDetailSchema } },
  },
  ({ ctx, params }) => getEmail(ctx, params.id),
);
