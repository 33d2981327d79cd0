import { hmacHex, safeEqual } from "@/lib/crypto/keys";

/**
 * A reply token names the email a reply answers, inside the Reply-To address itself
 * (`reply+r<token>@in.example.com`), so a reply finds its thread even from a client that drops
 * In-Reply-To. Hex only: some mail servers lower-case local parts. Signed, so nobody can attach a
 * message to another lead's thread by guessing.
 */
const MAC_LENGTH = 10;
const TOKEN = /\+r([0-9a-f]{32})([0-9a-f]{10})@/i;

const mac = (hex: string) => hmacHex("reply-token", hex).slice(0, MAC_LENGTH);

function uuidToHex(id: string) {
  return id.replace(/-/g, "").toLowerCase();
}

function hexToUuid(hex: string) {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `reply@in.example.com` + message id → `reply+r…@in.example.com`. */
export function replyTokenAddress(inboundAddress: string, emailMessageId: string): string {
  const at = inboundAddress.lastIndexOf("@");
  const local = inboundAddress.slice(0, at).split("+")[0];
  const hex = uuidToHex(emailMessageId);
  return `${local}+r${hex}${mac(hex)}${inboundAddress.slice(at)}`;
}

/** The email message id a token address names, or null when there is none or it is forged. */
export function emailIdFromReplyToken(address: string): string | null {
  const match = TOKEN.exec(address);
  if (!match) return null;
  const hex = match[1]!.toLowerCase();
  return safeEqual(mac(hex), match[2]!.toLowerCase()) ? hexToUuid(hex) : null;
}
