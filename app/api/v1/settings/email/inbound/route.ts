import { getInboundEmailSetup } from "@/lib/mailboxes/email-settings";
import { inboundEmailSetupSchema } from "@/lib/mailboxes/mailbox-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/settings/email/inbound — the inbound webhook's URL and this organization's secret
export const GET = route(
  {
    summary: "Inbound email setup",
    tags: ["Email"],
    auth: "email_settings:write",
    responses: {
      200: { description: "Where and how to post inbound mail", schema: inboundEmailSetupSchema },
    },
  },
  ({ ctx }) => getInboundEmailSetup(ctx),
);
