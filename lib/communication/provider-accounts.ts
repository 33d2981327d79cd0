import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { communicationProviders, type Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import type { ProviderAccounts } from "@/lib/channels/adapter-for";

export type ProviderRow = typeof communicationProviders.$inferSelect;
export type ProviderName = ProviderRow["provider"];

/** The organization's provider rows by provider (absent when never configured). */
export async function providerRows(
  db: Queryable,
  orgId: string,
): Promise<Partial<Record<ProviderName, ProviderRow>>> {
  const rows = await db
    .select()
    .from(communicationProviders)
    .where(eq(communicationProviders.organizationId, orgId));
  return Object.fromEntries(rows.map((r) => [r.provider, r]));
}

export async function providerRow(db: Queryable, orgId: string, provider: ProviderName) {
  const [row] = await db
    .select()
    .from(communicationProviders)
    .where(
      and(
        eq(communicationProviders.organizationId, orgId),
        eq(communicationProviders.provider, provider),
      ),
    )
    .limit(1);
  return row;
}

/** Which provider carries a channel; email goes through the mailboxes instead. */
export function providerOf(channel: Channel): ProviderName | null {
  if (channel === "telegram") return "telegram";
  if (channel === "email") return null;
  return "twilio";
}

/** The Twilio number a channel sends from. */
export function twilioNumberFor(
  row: ProviderRow,
  channel: "sms" | "whatsapp" | "voice",
): string | null {
  const key = { sms: "smsNumber", whatsapp: "whatsappNumber", voice: "voiceNumber" }[channel];
  return row.config[key] ?? null;
}

/**
 * Why a non-email channel can't send for this organization right now, or null when it can:
 * the provider set up, switched on, with credentials and (Twilio) a number for that channel.
 */
export function providerProblem(
  rows: Partial<Record<ProviderName, ProviderRow>>,
  channel: Channel,
): string | null {
  const provider = providerOf(channel);
  if (!provider) return null;
  const row = rows[provider];
  const name = provider === "twilio" ? "Twilio" : "Telegram";
  if (!row || !row.secretSealed) return `${name} is not set up in Settings → Channels.`;
  if (!row.enabled) return `${name} is switched off in Settings → Channels.`;
  if (provider === "twilio") {
    if (!row.config.accountSid) return "Twilio has no account SID.";
    const number = twilioNumberFor(row, channel as "sms" | "whatsapp" | "voice");
    if (!number) return `Twilio has no ${channel === "sms" ? "SMS" : channel} number.`;
  }
  return null;
}

/** The stored secret, or a 422 asking for it again when it can't be unsealed (AUTH_SECRET changed). */
export function unsealSecret(row: ProviderRow): string {
  try {
    return decryptSecret(row.secretSealed!);
  } catch {
    throw new AppError(
      "channel_not_configured",
      `The stored ${row.provider} credentials can't be read (was AUTH_SECRET changed?); enter them again.`,
      { extra: { provider: row.provider } },
    );
  }
}

/** The unsealed accounts an adapter needs for a channel (only that channel's provider is opened). */
export function accountsFor(
  rows: Partial<Record<ProviderName, ProviderRow>>,
  channel: Channel,
): ProviderAccounts {
  const provider = providerOf(channel);
  const row = provider ? rows[provider] : undefined;
  if (!row) return {};
  if (row.provider === "telegram") {
    return { telegram: { botToken: unsealSecret(row), botUsername: row.config.botUsername } };
  }
  return {
    twilio: {
      accountSid: row.config.accountSid ?? "",
      authToken: unsealSecret(row),
      smsNumber: row.config.smsNumber,
      whatsappNumber: row.config.whatsappNumber,
      voiceNumber: row.config.voiceNumber,
    },
  };
}
