import { env } from "@/lib/env";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import {
  clickToken,
  isTrackableUrl,
  openToken,
  unsubscribeToken,
  type TrackingClaims,
} from "./tracking-tokens";

/**
 * Turns a rendered campaign email into the one that is sent: the recipient's signed unsubscribe
 * link, an open pixel, tracked links and the RFC 8058 one-click unsubscribe headers.
 *
 * Contract with the sender (how `{{unsubscribeUrl}}` becomes the real link), either way works:
 * 1. Render the template with `unsubscribeUrl: PREVIEW_UNSUBSCRIBE_URL` ("#unsubscribe-preview",
 *    the value previews already use) and pass the result here: every occurrence of that literal in
 *    the HTML and the text is replaced with this recipient's link; or
 * 2. render with `unsubscribeUrl: unsubscribeUrlFor({organizationId, leadId, messageId})` yourself.
 * Both give the same URL (tokens are deterministic), which is also returned as `unsubscribeUrl`.
 * The message id must be the `email_messages.id` the email is stored under: opens, clicks and
 * unsubscribes are recorded against it.
 *
 * The mailto half of List-Unsubscribe goes to `unsubscribe@<domain of EMAIL_FROM>` with the token
 * in the subject. It exists because some mailbox providers require a mailto; the https one-click
 * link is the one Gmail and Yahoo use. Processing that inbox belongs with inbound mail (replies).
 */

export interface DecorateInput extends TrackingClaims {
  html: string;
  text: string | null;
  trackOpens: boolean;
  trackClicks: boolean;
}

export interface DecoratedEmail {
  html: string;
  text: string | null;
  headers: Record<string, string>;
  unsubscribeUrl: string;
}

export function openPixelUrl(claims: TrackingClaims): string {
  return `${env.appUrl}/t/o/${openToken(claims)}`;
}

export function clickUrl(claims: TrackingClaims, url: string): string {
  return `${env.appUrl}/t/c/${clickToken(claims, url)}`;
}

export function unsubscribeUrlFor(claims: TrackingClaims): string {
  return `${env.appUrl}/unsubscribe/${unsubscribeToken(claims)}`;
}

/** unsubscribe@ the installation's sending domain (EMAIL_FROM), e.g. unsubscribe@leadline.local. */
export function unsubscribeMailbox(): string {
  const address = /<([^>]+)>/.exec(env.EMAIL_FROM)?.[1] ?? env.EMAIL_FROM;
  const domain = address.split("@")[1]?.trim() || "localhost";
  return `unsubscribe@${domain}`;
}

export function listUnsubscribeHeaders(claims: TrackingClaims): Record<string, string> {
  const token = unsubscribeToken(claims);
  return {
    "List-Unsubscribe": `<${env.appUrl}/unsubscribe/${token}>, <mailto:${unsubscribeMailbox()}?subject=unsubscribe-${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

// Enough of HTML's character references for an href: the renderer escapes & " ' < > in values.
const HREF_ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  "#39": "'",
  "#x27": "'",
};

function decodeHref(value: string): string {
  return value.replace(/&(#39|#x27|[a-z]+);/gi, (whole, name: string) => {
    return HREF_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ANCHOR_HREF_RE = /(<a\b[^>]*?\shref\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/** Point http(s) links at the click redirect; mailto:, anchors and our own links stay as they are. */
export function rewriteLinks(html: string, claims: TrackingClaims): string {
  const ownPrefix = `${env.appUrl}/`;
  return html.replace(ANCHOR_HREF_RE, (whole, start: string, dq?: string, sq?: string) => {
    const quote = dq === undefined ? "'" : '"';
    const url = decodeHref((dq ?? sq ?? "").trim());
    if (!isTrackableUrl(url)) return whole;
    if (url.startsWith(`${ownPrefix}unsubscribe/`) || url.startsWith(`${ownPrefix}t/`))
      return whole;
    return `${start}${quote}${clickUrl(claims, url)}${quote}`;
  });
}

export function appendOpenPixel(html: string, claims: TrackingClaims): string {
  const pixel = `<img src="${openPixelUrl(claims)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;margin:0;padding:0" />`;
  const bodyEnd = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return bodyEnd === -1
    ? `${html}${pixel}`
    : `${html.slice(0, bodyEnd)}${pixel}${html.slice(bodyEnd)}`;
}

export function decorateCampaignEmail(input: DecorateInput): DecoratedEmail {
  const claims: TrackingClaims = {
    organizationId: input.organizationId,
    leadId: input.leadId,
    messageId: input.messageId,
  };
  const unsubscribeUrl = unsubscribeUrlFor(claims);
  let html = input.html.replaceAll(PREVIEW_UNSUBSCRIBE_URL, unsubscribeUrl);
  const text = input.text?.replaceAll(PREVIEW_UNSUBSCRIBE_URL, unsubscribeUrl) ?? null;
  if (input.trackClicks) html = rewriteLinks(html, claims);
  if (input.trackOpens) html = appendOpenPixel(html, claims);
  return { html, text, headers: listUnsubscribeHeaders(claims), unsubscribeUrl };
}
