import { deleteMailbox, getMailbox, updateMailbox } from "@/lib/mailboxes/mailboxes";
import { mailboxSchema, updateMailboxInput } from "@/lib/mailboxes/mailbox-schemas";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/mailboxes/{id} — one mailbox
export const GET = route(
  {
    summary: "Get a mailbox",
    tags: ["Email"],
    auth: "mailboxes:read",
    params: idParams,
    responses: { 200: { description: "The mailbox", schema: mailboxSchema } },
  },
  ({ ctx, params }) => getMailbox(ctx, params.id),
);

// PATCH /api/v1/mailboxes/{id} — change a mailbox (caps, signature, default, pause)
export const PATCH = route(
  {
    summary: "Update a mailbox",
    tags: ["Email"],
    auth: "mailboxes:write",
    params: idParams,
    body: updateMailboxInput,
    responses: {
      200: { description: "Updated", schema: mailboxSchema },
      409: { description: "Another mailbox sends from this address" },
      422: { description: "Not possible (e.g. un-defaulting the default)" },
    },
  },
  ({ ctx, params, body }) => updateMailbox(ctx, params.id, body),
);

// DELETE /api/v1/mailboxes/{id} — remove a mailbox (another becomes the default)
export const DELETE = route(
  {
    summary: "Delete a mailbox",
    tags: ["Email"],
    auth: "mailboxes:write",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteMailbox(ctx, params.id);
    return noContent();
  },
);
