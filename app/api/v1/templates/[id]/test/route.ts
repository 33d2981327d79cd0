import { idParams } from "@/lib/http/params";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { sendTestEmail } from "@/lib/templates/render-for-lead";
import { testSendInput, testSendResultSchema } from "@/lib/templates/template-schemas";

// POST /api/v1/templates/{id}/test — send the rendered template to the caller's own address
export const POST = route(
  {
    summary: "Send a test email",
    tags: ["Templates"],
    auth: "templates:personal",
    params: idParams,
    body: testSendInput,
    responses: {
      202: { description: "Queued for delivery (see the outbox)", schema: testSendResultSchema },
    },
  },
  async ({ ctx, params, body }) => accepted(await sendTestEmail(ctx, params.id, body)),
);
