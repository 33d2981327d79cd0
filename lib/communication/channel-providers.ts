import { and, eq } from "drizzle-orm";
import { CHANNELS, communicationProviders } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { callTelegram } from "@/lib/channels/telegram-adapter";
import type { Ctx } from "@/lib/context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { AppError, notFound } from "@/lib/errors";
import { organizationProblem } from "./channel-policy";
import { telegramSecretFor, telegramWebhookUrl, twilioWebhookUrl } from "./channel-webhooks";
import { loadOrganizationSetup } from "./organization-setup";
import { providerOf, providerRow, unsealSecret, type ProviderName } from "./provider-accounts";
import type { ChannelSettings, UpdateChannelProviderInput } from "./provider-schemas";

const FIELDS: Record<ProviderName, (keyof UpdateChannelProviderInput)[]> = {
  twilio: ["enabled", "accountSid", "authToken", "smsNumber", "whatsappNumber", "voiceNumber"],
  telegram: ["enabled", "botToken", "botUsername", "registerWebhook"],
};

/** Provider settings and which channels are ready. Secrets are never returned, only `configured`. */
export async function getChannelSettings(ctx: Ctx): Promise<ChannelSettings> {
  assertCan(ctx, "organization:read");
  const setup = await loadOrganizationSetup(ctx.db, ctx.orgId);
  const { twilio, telegram } = setup.providers;
  const at = (d?: Date) => d?.toISOString() ?? null;
  return {
    twilio: {
      configured: Boolean(twilio?.secretSealed && twilio.config.accountSid),
      enabled: twilio?.enabled ?? false,
      accountSid: twilio?.config.accountSid ?? null,
      smsNumber: twilio?.config.smsNumber ?? null,
      whatsappNumber: twilio?.config.whatsappNumber ?? null,
      voiceNumber: twilio?.config.voiceNumber ?? null,
      webhookUrl: twilioWebhookUrl(),
      updatedAt: at(twilio?.updatedAt),
    },
    telegram: {
      configured: Boolean(telegram?.secretSealed),
      enabled: telegram?.enabled ?? false,
      botUsername: telegram?.config.botUsername ?? null,
      webhookUrl: telegramWebhookUrl(),
      webhookRegistered: telegram?.config.webhookRegistered === "true",
      webhookError: telegram?.config.webhookError ?? null,
      updatedAt: at(telegram?.updatedAt),
    },
    channels: CHANNELS.map((channel) => {
      const reason = organizationProblem(setup, channel);
      return { channel, provider: providerOf(channel) ?? "mail", ready: !reason, reason };
    }),
  };
}

/** Point the bot's webhook here, with the organization's secret; the outcome is kept for the screen. */
async function registerTelegramWebhook(orgId: string, botToken: string) {
  try {
    await callTelegram(botToken, "setWebhook", {
      url: telegramWebhookUrl(),
      secret_token: telegramSecretFor(orgId),
      allowed_updates: ["message"],
    });
    return { webhookRegistered: "true", webhookError: null };
  } catch (error) {
    return { webhookRegistered: "false", webhookError: (error as Error).message.slice(0, 300) };
  }
}

/** Create or change a provider's settings; secrets are sealed, left out to keep the stored one. */
export async function updateChannelProvider(
  ctx: Ctx,
  provider: ProviderName,
  input: UpdateChannelProviderInput,
): Promise<ChannelSettings> {
  assertCan(ctx, "organization:write");
  const foreign = (Object.keys(input) as (keyof UpdateChannelProviderInput)[]).filter(
    (k) => input[k] !== undefined && !FIELDS[provider].includes(k),
  );
  if (foreign.length) {
    throw new AppError("validation_error", `Not a ${provider} setting.`, {
      errors: foreign.map((path) => ({ path, message: `Not a ${provider} setting` })),
    });
  }
  const existing = await providerRow(ctx.db, ctx.orgId, provider);
  const secretInput = provider === "twilio" ? input.authToken : input.botToken;
  const config: Record<string, string | null> = { ...existing?.config };
  for (const key of ["accountSid", "smsNumber", "whatsappNumber", "voiceNumber", "botUsername"]) {
    const value = input[key as keyof UpdateChannelProviderInput];
    if (value !== undefined) config[key] = value === null ? null : String(value).replace(/^@/, "");
  }
  const missing =
    provider === "twilio"
      ? [
          ...(!config.accountSid ? ["accountSid"] : []),
          ...(!secretInput && !existing?.secretSealed ? ["authToken"] : []),
        ]
      : !secretInput && !existing?.secretSealed
        ? ["botToken"]
        : [];
  if (missing.length) {
    throw new AppError("validation_error", `Enter the ${provider} credentials.`, {
      errors: missing.map((path) => ({ path, message: "Required" })),
    });
  }
  if (provider === "telegram" && input.registerWebhook) {
    const token = secretInput ?? unsealSecret(existing!);
    Object.assign(config, await registerTelegramWebhook(ctx.orgId, token));
  }
  const values = {
    config,
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    ...(secretInput ? { secretSealed: encryptSecret(secretInput) } : {}),
    updatedBy: ctx.actor.userId,
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(communicationProviders)
      .values({ organizationId: ctx.orgId, provider, ...values })
      .onConflictDoUpdate({
        target: [communicationProviders.organizationId, communicationProviders.provider],
        set: values,
      });
    await recordAudit(tx, ctx, {
      action: "communication_provider.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      // Never the secret itself.
      changes: {
        provider,
        ...input,
        ...(input.authToken ? { authToken: "***" } : {}),
        ...(input.botToken ? { botToken: "***" } : {}),
      },
    });
  });
  return getChannelSettings(ctx);
}

/** Forget a provider and its credentials: its channels stop being available at once. */
export async function deleteChannelProvider(ctx: Ctx, provider: ProviderName): Promise<void> {
  assertCan(ctx, "organization:write");
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(communicationProviders)
      .where(
        and(
          eq(communicationProviders.organizationId, ctx.orgId),
          eq(communicationProviders.provider, provider),
        ),
      )
      .returning({ id: communicationProviders.id });
    if (!removed.length) throw notFound("Channel provider");
    await recordAudit(tx, ctx, {
      action: "communication_provider.deleted",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: { provider },
    });
  });
}
