import { bulkSendSchema } from "@/lib/communication/send-schemas";
import { getBulkSend } from "@/lib/communication/bulk-send";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/communication/send-bulk/{id} — a bulk send's progress and each lead's outcome
export const GET = route(
  {
    summary: "Get a bulk send",
    tags: ["Communication"],
    auth: "conversations:read",
    params: idParams,
    responses: { 200: { description: "Progress and per-lead results", schema: bulkSendSchema } },
  },
  ({ ctx, params }) => getBulkSend(ctx, params.id),
);
