import { getDb } from "@/db/client";
import { receiveTelegramUpdate, telegramUpdate } from "@/lib/communication/inbound-telegram";
import { AppError } from "@/lib/errors";
import { problemResponse, toAppError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-meta";
import { json } from "@/lib/http/responses";

const MAX_BODY_BYTES = 256 * 1024;

// POST /api/webhooks/telegram — updates for an organization's bot, verified by the secret token
// set with setWebhook (X-Telegram-Bot-Api-Secret-Token), which also names the organization.
export async function POST(req: Request) {
  const requestId = requestIdFor(req);
  try {
    const raw = await req.text();
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
      throw new AppError("payload_too_large", "Webhook body too large");
    }
    const secret = req.headers.get("x-telegram-bot-api-secret-token");
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new AppError("invalid_json", "The update isn't JSON.");
    }
    const update = telegramUpdate.safeParse(parsed);
    if (!update.success) throw new AppError("bad_request", "Not a Telegram update.");
    const outcome = await receiveTelegramUpdate(await getDb(), { secret, update: update.data });
    return json(
      { received: true, recorded: outcome.recorded },
      { headers: { "x-request-id": requestId } },
    );
  } catch (error) {
    return problemResponse(toAppError(error, requestId), { "x-request-id": requestId });
  }
}
