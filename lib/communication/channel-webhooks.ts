import { hmacHex, safeEqual } from "@/lib/crypto/keys";
import { env } from "@/lib/env";

export const twilioWebhookUrl = () => `${env.appUrl}/api/webhooks/twilio`;
export const telegramWebhookUrl = () => `${env.appUrl}/api/webhooks/telegram`;

/**
 * The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token: the organization's id (so the
 * webhook knows whose bot it is without a lookup table) and an HMAC of it under a key derived
 * from AUTH_SECRET, so nobody can forge another organization's. Telegram allows [A-Za-z0-9_-].
 */
export function telegramSecretFor(orgId: string): string {
  return `${orgId}_${hmacHex("webhook", `telegram:${orgId}`).slice(0, 48)}`;
}

/** The organization a Telegram secret token was issued to, or null for a forged one. */
export function organizationOfTelegramSecret(secret: string | null): string | null {
  const orgId = secret?.split("_")[0];
  if (!secret || !orgId || !/^[0-9a-f-]{36}$/i.test(orgId)) return null;
  return safeEqual(secret, telegramSecretFor(orgId)) ? orgId : null;
}
