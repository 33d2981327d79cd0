import { z } from "zod";
import { createMailbox, listMailboxes } from "@/lib/mailboxes/mailboxes";
import { createMailboxInput, mailboxSchema } from "@/lib/mailboxes/mailbox-schemas";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/mailboxes — the organization's sender identities, the default first
export const GET = route(
  {
    summary: "List mailboxes",
    tags: ["Email"],
    auth: "mailboxes:read",
    responses: {
      200: { description: "Mailboxes", schema: z.object({ data: z.array(mailboxSchema) }) },
    },
  },
  ({ ctx }) => listMailboxes(ctx),
);

// POST /api/v1/mailboxes — add a sender identity (the first becomes the default)
export const POST = route(
  {
    summary: "Create a mailbox",
    tags: ["Email"],
    auth: "mailboxes:write",
    body: createMailboxInput,
    responses: {
      201: { description: "Created", schema: mailboxSchema },
      409: { description: "Another mailbox sends from this address" },
      422: { description: "The transport isn't configured on this installation" },
    },
  },
  async ({ ctx, body }) => created(await createMailbox(ctx, body)),
);
