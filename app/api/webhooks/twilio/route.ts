import { getDb } from "@/db/client";
import { receiveTwilioMessage } from "@/lib/communication/inbound-twilio";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { problemResponse, toAppError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-meta";

/** A Twilio message webhook is a few kilobytes of form fields. */
const MAX_BODY_BYTES = 64 * 1024;
/** "Received, nothing to reply": Twilio sends no automatic answer to the lead. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// POST /api/webhooks/twilio — inbound SMS and WhatsApp messages, verified by X-Twilio-Signature
// against the organization's auth token over the public URL Twilio called (APP_URL + path).
export async function POST(req: Request) {
  const requestId = requestIdFor(req);
  try {
    if (!req.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
      throw new AppError("unsupported_media_type", "Twilio posts form-encoded fields.");
    }
    const raw = await req.text();
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
      throw new AppError("payload_too_large", "Webhook body too large");
    }
    const params = Object.fromEntries(new URLSearchParams(raw));
    const { pathname, search } = new URL(req.url);
    await receiveTwilioMessage(await getDb(), {
      url: `${env.appUrl}${pathname}${search}`,
      signature: req.headers.get("x-twilio-signature") ?? "",
      params,
    });
    return new Response(EMPTY_TWIML, {
      status: 200,
      headers: { "content-type": "text/xml; charset=utf-8", "x-request-id": requestId },
    });
  } catch (error) {
    return problemResponse(toAppError(error, requestId), { "x-request-id": requestId });
  }
}
