import { z } from "zod";
import { sendTestEmail } from "@/lib/mailboxes/email-settings";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const testEmailInput = z
  .strictObject({
    mailboxId: z.uuid().optional().meta({ description: "Defaults to the default mailbox" }),
    to: z.email().optional().meta({ description: "Defaults to the caller's own address" }),
  })
  .meta({ id: "TestEmail" });

// POST /api/v1/settings/email/test — send a test message from a mailbox
export const POST = route(
  {
    summary: "Send a test email",
    tags: ["Email"],
    auth: "email_settings:write",
    body: testEmailInput,
    responses: {
      202: {
        description: "Queued for delivery (see the outbox)",
        schema: z.object({
          emailMessageId: z.uuid(),
          to: z.string(),
          mailboxId: z.uuid(),
          transport: z.string(),
        }),
      },
      422: { description: "No mailbox to send from" },
    },
  },
  async ({ ctx, body }) => accepted(await sendTestEmail(ctx, body)),
);
