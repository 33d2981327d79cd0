// Markers mail clients put at the start of the history they quote in an HTML reply.
const QUOTED_HISTORY = [
  /<blockquote[\s>]/i,
  /<div[^>]+class="?[^">]*gmail_quote/i,
  /<div[^>]+id="?divRplyFwdMsg/i,
  /<div[^>]+id="?appendonsend/i,
  /<div[^>]+class="?[^">]*yahoo_quoted/i,
];

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/**
 * Plain text of an HTML-only message. With `replyOnly`, everything from the first quoted-history
 * marker on is dropped and the result goes through the plain-text reply rules, so an HTML reply
 * yields the same new text as its plain-text twin.
 */
export function htmlToReplyText(html: string, replyOnly: boolean): string {
  let body = html;
  if (replyOnly) {
    const cut = Math.min(
      ...QUOTED_HISTORY.map((marker) => marker.exec(body)?.index ?? body.length),
    );
    body = body.slice(0, cut);
  }
  const text = body
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X"
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text;
}
