import { AppError } from "@/lib/errors";

/**
 * A provider's refusal (bad number, unverified sender, revoked token) or an unreachable provider,
 * as a 502 the caller can show: the provider's own message, never our internals.
 */
export function providerError(provider: string, error: unknown): AppError {
  const message =
    error && typeof error === "object" && "message" in error && typeof error.message === "string"
      ? error.message.slice(0, 300)
      : "no answer";
  const code =
    error && typeof error === "object" && "code" in error && typeof error.code === "number"
      ? error.code
      : undefined;
  return new AppError("provider_error", `${provider} did not accept the message: ${message}`, {
    extra: { provider, ...(code !== undefined ? { providerCode: code } : {}) },
    cause: error,
  });
}
