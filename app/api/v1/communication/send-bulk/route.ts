import { bulkSendInput, bulkSendSchema } from "@/lib/communication/send-schemas";
import { startBulkSend } from "@/lib/communication/bulk-send";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/communication/send-bulk — one message to up to 1,000 leads, sent in the background
export const POST = route(
  {
    summary: "Send a message to many leads",
    description:
      "Starts a background send; follow it at /communication/send-bulk/{id}. Each lead is " +
      "reported as sent, skipped (with why: consent, do not contact, no address, not found) or " +
      "failed (the provider's answer).",
    tags: ["Communication"],
    auth: "conversations:write",
    body: bulkSendInput,
    responses: {
      202: { description: "Started", schema: bulkSendSchema },
      422: { description: "The channel isn't set up for the organization" },
    },
  },
  async ({ ctx, body }) => {
    const bulk = await startBulkSend(ctx, body);
    return json(bulk, {
      status: 202,
      headers: { location: `/api/v1/communication/send-bulk/${bulk.id}` },
    });
  },
);
