import { hasAutoReplyHeaders, hasAutoReplySubject } from "@/lib/inbound/auto-reply";
import { looksLikeBounce } from "@/lib/inbound/bounce";

export type HeaderSignals = {
  /** Why the message is a delivery report, when it is one. */
  bounce: string | null;
  /** Why the message is machine-sent (RFC 3834 and vendor headers, auto-reply subjects). */
  automatic: string | null;
};

/** "Name <address>" or "address (Name)" → its parts, lower-cased address. */
function parseFrom(value: string): { address: string; name: string } {
  const angle = /^\s*"?([^"<]*)"?\s*<([^>]+)>/.exec(value);
  if (angle) return { name: (angle[1] ?? "").trim(), address: (angle[2] ?? "").toLowerCase() };
  const paren = /^\s*(\S+@\S+)\s*\(([^)]*)\)/.exec(value);
  if (paren) return { address: (paren[1] ?? "").toLowerCase(), name: (paren[2] ?? "").trim() };
  return { address: value.trim().toLowerCase(), name: "" };
}

/** What the headers and subject say before a word of the body is read. */
export function headerSignals(headers: Record<string, string>, subject: string): HeaderSignals {
  const contentType = (headers["content-type"] ?? "").toLowerCase();
  const from = parseFrom(headers["from"] ?? "");
  let bounce: string | null = null;
  if (/report-type\s*=\s*"?delivery-status/.test(contentType)) {
    bounce = "DSN report (Content-Type multipart/report; report-type=delivery-status)";
  } else if ("x-failed-recipients" in headers) {
    bounce = "X-Failed-Recipients header";
  } else if (looksLikeBounce(from.address, from.name, "")) {
    bounce = `sent by ${from.address || from.name}`;
  } else if (looksLikeBounce("", "", subject)) {
    bounce = `delivery-failure subject '${subject.slice(0, 60)}'`;
  }
  let automatic: string | null = null;
  if (hasAutoReplyHeaders(headers)) {
    const name = [
      "auto-submitted",
      "precedence",
      "x-autoreply",
      "x-autorespond",
      "x-autoresponder",
    ].find((header) => header in headers);
    automatic = name ? `${name}: ${headers[name]}` : "X-Auto-Response-Suppress header";
  } else if (hasAutoReplySubject(subject)) {
    automatic = `auto-reply subject '${subject.slice(0, 60)}'`;
  }
  return { bounce, automatic };
}
