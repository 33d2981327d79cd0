import { hmacHex, safeEqual, type KeyPurpose } from "@/lib/crypto/keys";

/**
 * Signed, URL-safe tokens for tracking pixels, click redirects and unsubscribe links. A token is
 * `<payload>.<signature>`: the payload is base64url of a version byte, a kind byte, the
 * organization, lead and message ids as 16 raw bytes each, and (clicks only) the target URL; the
 * signature is a truncated HMAC-SHA256 of kind and payload. Opens and clicks are keyed with the
 * "tracking" purpose, unsubscribes with "unsubscribe", so a leaked pixel can never unsubscribe
 * anybody, and the kind is signed, so an open token can't be replayed as a click.
 *
 * Tokens are deterministic (no nonce): the same ids give the same link, which lets a sender compute
 * the unsubscribe URL before or after decorating a message and get the same value.
 */

export type TrackingKind = "open" | "click" | "unsubscribe";

export interface TrackingClaims {
  organizationId: string;
  leadId: string;
  messageId: string;
}

export interface ClickClaims extends TrackingClaims {
  url: string;
}

const VERSION = 1;
const KIND_BYTE: Record<TrackingKind, number> = { open: 0x6f, click: 0x63, unsubscribe: 0x75 };
const PURPOSE: Record<TrackingKind, KeyPurpose> = {
  open: "tracking",
  click: "tracking",
  unsubscribe: "unsubscribe",
};
/** 128 bits of HMAC: forgery stays infeasible and the links stay short. */
const SIGNATURE_HEX_LENGTH = 32;
const HEADER_BYTES = 2 + 16 * 3;
/** Longer links are left untracked rather than producing URLs some clients truncate. */
export const MAX_TRACKED_URL_LENGTH = 2000;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(id: string): Buffer {
  if (!UUID_RE.test(id)) throw new Error(`Not a UUID: ${id}`);
  return Buffer.from(id.replaceAll("-", ""), "hex");
}

function bytesUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sign(kind: TrackingKind, payload: string): string {
  return hmacHex(PURPOSE[kind], `${kind}.${payload}`).slice(0, SIGNATURE_HEX_LENGTH);
}

function encode(kind: TrackingKind, claims: TrackingClaims, url?: string): string {
  const payload = Buffer.concat([
    Buffer.from([VERSION, KIND_BYTE[kind]]),
    uuidBytes(claims.organizationId),
    uuidBytes(claims.leadId),
    uuidBytes(claims.messageId),
    Buffer.from(url ?? "", "utf8"),
  ]).toString("base64url");
  return `${payload}.${sign(kind, payload)}`;
}

/** The claims of a genuine token of this kind, or null for anything forged, altered or malformed. */
function decode(kind: TrackingKind, token: string): (TrackingClaims & { rest: string }) | null {
  if (typeof token !== "string" || token.length > 4096) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  if (!safeEqual(signature, sign(kind, payload))) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < HEADER_BYTES || bytes[0] !== VERSION || bytes[1] !== KIND_BYTE[kind])
    return null;
  return {
    organizationId: bytesUuid(bytes.subarray(2, 18)),
    leadId: bytesUuid(bytes.subarray(18, 34)),
    messageId: bytesUuid(bytes.subarray(34, 50)),
    rest: bytes.subarray(HEADER_BYTES).toString("utf8"),
  };
}

export function openToken(claims: TrackingClaims): string {
  return encode("open", claims);
}

export function clickToken(claims: TrackingClaims, url: string): string {
  return encode("click", claims, url);
}

export function unsubscribeToken(claims: TrackingClaims): string {
  return encode("unsubscribe", claims);
}

export function verifyOpenToken(token: string): TrackingClaims | null {
  const claims = decode("open", token);
  if (!claims || claims.rest !== "") return null;
  return {
    organizationId: claims.organizationId,
    leadId: claims.leadId,
    messageId: claims.messageId,
  };
}

export function verifyUnsubscribeToken(token: string): TrackingClaims | null {
  const claims = decode("unsubscribe", token);
  if (!claims || claims.rest !== "") return null;
  return {
    organizationId: claims.organizationId,
    leadId: claims.leadId,
    messageId: claims.messageId,
  };
}

/** Only http(s) targets: even a correctly signed token never redirects to javascript: or data:. */
export function verifyClickToken(token: string): ClickClaims | null {
  const claims = decode("click", token);
  if (!claims || !isTrackableUrl(claims.rest)) return null;
  return {
    organizationId: claims.organizationId,
    leadId: claims.leadId,
    messageId: claims.messageId,
    url: claims.rest,
  };
}

export function isTrackableUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_TRACKED_URL_LENGTH) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}
