import { attachmentParams, getAttachmentFile } from "@/lib/email/outbox-attachments";
import { downloadResponse } from "@/lib/http/download-response";
import { route } from "@/lib/http/route";

// GET /api/v1/email-outbox/{id}/attachments/{attachmentId} — a file sent with a message, as sent
export const GET = route(
  {
    summary: "Download an email attachment",
    description:
      "The file's exact bytes with its stored Content-Type, as an attachment (Content-Disposition with an RFC 5987 `filename*` for non-ASCII names). Each message and its `attachments[].downloadUrl` come from the outbox list or detail.",
    tags: ["Email"],
    auth: "email_outbox:read",
    params: attachmentParams,
    responses: {
      200: {
        description: "The file, with the Content-Type it was sent with",
        contentType: "application/octet-stream",
      },
    },
  },
  async ({ ctx, params }) =>
    downloadResponse(await getAttachmentFile(ctx, params.id, params.attachmentId)),
);
