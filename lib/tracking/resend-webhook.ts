import { Resend } from "resend";
import { z } from "zod";
import { RESEND_MESSAGE_TAG } from "@/lib/email/transports/resend-transport";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

/**
 * Verifying and reading a Resend webhook. Resend signs with Standard Webhooks (svix): headers
 * svix-id, svix-timestamp and svix-signature over the raw body, with RESEND_WEBHOOK_SECRET
 * ("whsec_…", from the webhook's page in Resend). The SDK's verifier also rejects timestamps more
 * than five minutes off, so a captured delivery can't be replayed later.
 */

export { RESEND_MESSAGE_TAG };

const bounceSchema = z
  .object({
    type: z.string().optional(),
    subType: z.string().optional(),
    message: z.string().optional(),
  })
  .partial();

/** Only what we act on; Resend adds fields over time and those pass through untouched. */
export const resendWebhookSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().min(1).max(200).optional(),
      created_at: z.string().optional(),
      tags: z
        .union([
          z.record(z.string(), z.string()),
          z.array(z.object({ name: z.string(), value: z.string() })),
        ])
        .optional(),
      bounce: bounceSchema.optional(),
    })
    .loose(),
});
export type ResendWebhook = z.infer<typeof resendWebhookSchema>;

export interface SignedDelivery {
  id: string;
  timestamp: string;
  signature: string;
}

// The SDK's constructor insists on an API key; verification never calls the API, so an
// installation that only receives webhooks (or sends through SMTP) still verifies them.
let verifier: Resend | undefined;
function resend(): Resend {
  verifier ??= new Resend(env.RESEND_API_KEY ?? "re_webhook_verification_only");
  return verifier;
}

export function deliveryHeaders(headers: Headers): SignedDelivery {
  return {
    id: headers.get("svix-id") ?? headers.get("webhook-id") ?? "",
    timestamp: headers.get("svix-timestamp") ?? headers.get("webhook-timestamp") ?? "",
    signature: headers.get("svix-signature") ?? headers.get("webhook-signature") ?? "",
  };
}

/**
 * The verified, parsed payload. 503 when no secret is configured, 401 for a missing or wrong
 * signature (or a stale timestamp), 400 for a genuine delivery whose body isn't the JSON we expect.
 */
export function verifyResendWebhook(rawBody: string, headers: SignedDelivery): ResendWebhook {
  const secret = env.RESEND_WEBHOOK_SECRET;
  if (!secret) {
    throw new AppError("service_unavailable", "Resend webhook not configured");
  }
  let payload: unknown;
  try {
    payload = resend().webhooks.verify({ payload: rawBody, headers, webhookSecret: secret });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "WebhookVerificationError") {
      throw new AppError("invalid_token", "Invalid webhook signature");
    }
    if (error instanceof SyntaxError) {
      throw new AppError("invalid_json", "The webhook body is not valid JSON");
    }
    // Anything else comes from the secret itself (not base64 after "whsec_"): our configuration.
    log.error("Resend webhook secret unusable", { error });
    throw new AppError("service_unavailable", "Resend webhook not configured correctly");
  }
  const parsed = resendWebhookSchema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("validation_error", "Not a Resend webhook event");
  }
  return parsed.data;
}

/** Our message id from the tags, when the sender tagged the message. */
export function taggedMessageId(event: ResendWebhook): string | undefined {
  const tags = event.data.tags;
  if (!tags) return undefined;
  const value = Array.isArray(tags)
    ? tags.find((t) => t.name === RESEND_MESSAGE_TAG)?.value
    : tags[RESEND_MESSAGE_TAG];
  return value && z.uuid().safeParse(value).success ? value : undefined;
}

export type BounceKind = "hard" | "soft";

/** Permanent bounces (no such mailbox, domain gone) are hard; transient and undetermined, soft. */
export function bounceKind(event: ResendWebhook): BounceKind {
  return (event.data.bounce?.type ?? "").toLowerCase() === "permanent" ? "hard" : "soft";
}

export function eventTime(event: ResendWebhook): Date {
  const at = new Date(event.created_at ?? event.data.created_at ?? "");
  return Number.isNaN(at.getTime()) ? new Date() : at;
}
