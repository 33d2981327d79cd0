import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { problemResponse, toAppError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-meta";
import { json } from "@/lib/http/responses";
import { applyResendEvent } from "@/lib/tracking/apply-delivery-event";
import { deliveryHeaders, verifyResendWebhook } from "@/lib/tracking/resend-webhook";

/** Resend's event bodies are a few kilobytes; anything far larger isn't one. */
const MAX_BODY_BYTES = 256 * 1024;

// POST /api/webhooks/resend — delivery, bounce and complaint events from Resend, verified
// against RESEND_WEBHOOK_SECRET on the raw body. A 2xx tells Resend to stop retrying, so it is
// only given once the event is recorded (or is one we knowingly ignore).
export async function POST(req: Request) {
  const requestId = requestIdFor(req);
  try {
    const raw = await req.text();
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
      throw new AppError("payload_too_large", "Webhook body too large");
    }
    const delivery = deliveryHeaders(req.headers);
    const event = verifyResendWebhook(raw, delivery);
    const outcome = await applyResendEvent(await getDb(), delivery.id, event);
    return json({ received: true, outcome }, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return problemResponse(toAppError(error, requestId), { "x-request-id": requestId });
  }
}
