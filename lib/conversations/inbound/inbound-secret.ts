import { env } from "@/lib/env";
import { hmacHex, safeEqual } from "@/lib/crypto/keys";

/**
 * Secrets for posting raw inbound mail. An organization's own secret names it
 * (`lin_<org id hex><mac>`), so mail posted with it lands in that organization's inbox whatever it
 * matches; the installation's INBOUND_EMAIL_SECRET leaves the organization to matching. Derived
 * from AUTH_SECRET, so nothing is stored and rotating AUTH_SECRET rotates them all.
 */
const PREFIX = "lin_";

const mac = (hex: string) => hmacHex("inbound-email", hex).slice(0, 32);

export function organizationInboundSecret(organizationId: string): string {
  const hex = organizationId.replace(/-/g, "");
  return `${PREFIX}${hex}${mac(hex)}`;
}

export type InboundAuth = { ok: true; organizationId: string | null } | { ok: false };

export function verifyInboundSecret(secret: string | null): InboundAuth {
  if (!secret) return { ok: false };
  const installation = env.INBOUND_EMAIL_SECRET;
  if (installation && safeEqual(secret, installation)) return { ok: true, organizationId: null };
  const match = /^lin_([0-9a-f]{32})([0-9a-f]{32})$/.exec(secret);
  if (!match || !safeEqual(mac(match[1]!), match[2]!)) return { ok: false };
  const hex = match[1]!;
  const organizationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, organizationId };
}

/** The secret from `Authorization: Bearer …`, `X-Leadline-Secret`, or `?secret=`. */
export function inboundSecretFrom(req: Request): string | null {
  const auth = req.headers.get("authorization");
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return (
    bearer ?? req.headers.get("x-leadline-secret") ?? new URL(req.url).searchParams.get("secret")
  );
}
