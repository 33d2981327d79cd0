import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { problemResponse, toAppError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-meta";
import { json } from "@/lib/http/responses";
import { unsubscribeByToken } from "@/lib/tracking/unsubscribe-lead";

// POST /unsubscribe/{token} — RFC 8058 one-click unsubscribe, sent by the mailbox provider with
// the body `List-Unsubscribe=One-Click` (proxy.ts routes a plain POST on the page's URL here).
// The signed token is the only authority, so the body isn't required: any POST with a genuine
// token unsubscribes, and repeating it is harmless.
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const requestId = requestIdFor(req);
  try {
    const { token } = await params;
    const outcome = await unsubscribeByToken(await getDb(), token, "one_click");
    if (!outcome) throw new AppError("not_found", "Unsubscribe link not found");
    return json({ unsubscribed: true }, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return problemResponse(toAppError(error, requestId), { "x-request-id": requestId });
  }
}
