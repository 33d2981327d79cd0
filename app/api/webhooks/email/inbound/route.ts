import { getDb } from "@/db/client";
import { receiveInboundEmail } from "@/lib/conversations/inbound/receive-inbound-email";
import { readInboundDelivery } from "@/lib/conversations/inbound/read-inbound-delivery";
import { problemResponse, toAppError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-meta";
import { json } from "@/lib/http/responses";

// POST /api/webhooks/email/inbound — replies and other inbound mail: Resend's `email.received`
// events (signed, verified with RESEND_WEBHOOK_SECRET) or a raw RFC 5322 message from any other
// provider (authenticated with the organization's inbound secret or INBOUND_EMAIL_SECRET). A 2xx
// is only given once the message is recorded — or known to be recorded already.
export async function POST(req: Request) {
  const requestId = requestIdFor(req);
  try {
    const delivery = await readInboundDelivery(req);
    if (delivery.ignored) {
      return json(
        { received: true, outcome: "ignored" },
        { headers: { "x-request-id": requestId } },
      );
    }
    const result = await receiveInboundEmail(await getDb(), delivery);
    return json(
      { received: true, outcome: result.status, ...result },
      { headers: { "x-request-id": requestId } },
    );
  } catch (error) {
    return problemResponse(toAppError(error, requestId), { "x-request-id": requestId });
  }
}
