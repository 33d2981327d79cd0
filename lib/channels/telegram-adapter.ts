import { env } from "@/lib/env";
import type { ChannelAdapter } from "./channel-adapter";
import { providerError } from "./provider-error";

/** Telegram's limit for one message's text. */
export const TELEGRAM_MAX_BODY = 4096;
const TELEGRAM_API = "https://api.telegram.org";
const TIMEOUT_MS = 15_000;

interface TelegramAnswer<T> {
  ok: boolean;
  result?: T;
  description?: string;
  error_code?: number;
}

/** One Bot API method call; Telegram answers {ok:false, description} for refusals. */
export async function callTelegram<T>(
  botToken: string,
  method: string,
  payload: Record<string, unknown>,
): Promise<T> {
  const base = (env.TELEGRAM_API_BASE_URL ?? TELEGRAM_API).replace(/\/$/, "");
  let answer: TelegramAnswer<T>;
  try {
    const res = await fetch(`${base}/bot${botToken}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    answer = (await res.json()) as TelegramAnswer<T>;
  } catch (error) {
    throw providerError("Telegram", error);
  }
  if (!answer.ok || answer.result === undefined) {
    throw providerError("Telegram", {
      message: answer.description ?? "refused",
      code: answer.error_code,
    });
  }
  return answer.result;
}

/** Telegram through the Bot API's sendMessage, to the chat the lead opened with the bot. */
export function telegramAdapter(botToken: string, botUsername?: string | null): ChannelAdapter {
  return {
    channel: "telegram",
    async send(_context, message) {
      const sent = await callTelegram<{ message_id: number; chat: { id: number | string } }>(
        botToken,
        "sendMessage",
        { chat_id: message.to, text: message.body },
      );
      return {
        externalId: `${sent.chat.id}:${sent.message_id}`,
        status: "sent",
        fromAddress: botUsername ? `@${botUsername.replace(/^@/, "")}` : null,
      };
    },
  };
}
