/**
 * Opens and clicks that no person made: security scanners that follow every link on arrival,
 * privacy proxies that prefetch every image, link-preview bots and scripts. They are recorded
 * (flagged) but never counted as a human open or click, never touch opened_at/clicked_at and
 * never feed lead scoring.
 *
 * Deliberately NOT flagged: Gmail's GoogleImageProxy and Yahoo's image proxy. They fetch the
 * pixel when the recipient opens the message (and serve later views from cache), so they are the
 * only open signal those mailboxes ever give; flagging them would report every Gmail open as a bot.
 * Apple Mail Privacy Protection is different: it prefetches on delivery, with the bare UA
 * "Mozilla/5.0", and is flagged.
 */

const BOT_USER_AGENTS: RegExp[] = [
  // Apple Mail Privacy Protection prefetch (nothing after the product token).
  /^Mozilla\/5\.0$/,
  // Mail security gateways and link scanners.
  /barracuda/i,
  /mimecast/i,
  /proofpoint|ppops-/i,
  /safelinks|microsoft[- ]?defender/i,
  /symantec|messagelabs|forcepoint|trend ?micro|sophos|ironport|fireeye|zscaler|cisco/i,
  // Previews, crawlers, headless browsers and HTTP libraries.
  /bot\b|bot\/|crawler|spider|scanner|preview|facebookexternalhit|whatsapp|slack/i,
  /headless|phantomjs|puppeteer|playwright|selenium|lighthouse/i,
  /^(curl|wget|httpie|python|java|go-http-client|okhttp|axios|node-fetch|undici|libwww|ruby|php|perl|postmanruntime)\b/i,
  /python-(requests|urllib)|aiohttp|httpclient|http_request/i,
];

/** An open or click this soon after the message went out is a machine reacting to its arrival. */
export const MACHINE_REACTION_WINDOW_MS = 5_000;

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  // Every mail client and browser sends one; a missing user agent is a script.
  if (ua === "") return true;
  return BOT_USER_AGENTS.some((re) => re.test(ua));
}

export function isMachineEngagement(input: {
  userAgent: string | null | undefined;
  sentAt: Date | null;
  at: Date;
}): boolean {
  if (isBotUserAgent(input.userAgent)) return true;
  return (
    input.sentAt !== null &&
    input.at.getTime() - input.sentAt.getTime() < MACHINE_REACTION_WINDOW_MS
  );
}
