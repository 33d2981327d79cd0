import { AppError } from "@/lib/errors";
import { deliveryHeaders, verifyResendWebhook } from "@/lib/tracking/resend-webhook";
import { inboundSecretFrom, verifyInboundSecret } from "./inbound-secret";
import type { InboundEmailDelivery } from "./receive-inbound-email";
import { fetchResendInboundMime } from "./resend-inbound";

/** 25 MB: what mail servers commonly accept for one message, attachments included. */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;
const RAW_TYPES = ["message/rfc822", "text/plain", "application/octet-stream"];

async function boundedText(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_INBOUND_BYTES) throw new AppError("payload_too_large", "Message too large");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_INBOUND_BYTES) {
    throw new AppError("payload_too_large", "Message too large");
  }
  return text;
}

/**
 * Authenticate an inbound delivery and produce the raw message. A signed JSON body is Resend's
 * (its `email.received` event; other event types are acknowledged and ignored); anything else
 * must carry an inbound secret and be a raw message. Nothing is read from an unauthenticated body.
 */
export async function readInboundDelivery(
  req: Request,
): Promise<(InboundEmailDelivery & { ignored?: false }) | { ignored: true }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const signed = req.headers.has("svix-signature") || req.headers.has("webhook-signature");
  if (signed) {
    const event = verifyResendWebhook(await boundedText(req), deliveryHeaders(req.headers));
    const emailId = event.data.email_id;
    if (event.type !== "email.received" || !emailId) return { ignored: true };
    return {
      raw: await fetchResendInboundMime(emailId),
      source: "resend",
      deliveryId: emailId,
      organizationId: null,
    };
  }
  const auth = verifyInboundSecret(inboundSecretFrom(req));
  if (!auth.ok) throw new AppError("unauthenticated", "A valid inbound secret is required");
  if (!RAW_TYPES.includes(type)) {
    throw new AppError(
      "unsupported_media_type",
      "Post the raw message as message/rfc822 (or a signed Resend event as JSON)",
    );
  }
  const raw = await boundedText(req);
  if (!raw.trim()) throw new AppError("validation_error", "The message is empty");
  return { raw, source: "mime", organizationId: auth.organizationId };
}
