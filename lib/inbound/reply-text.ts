/**
 * Separates a reply's own text from the history it quotes and the sender's signature.
 *
 * Hand-written on purpose: `email-reply-parser` (the maintained npm port of GitHub's parser) was
 * tried against ../shared/corpora/email-replies and took 400 s on `email_long_quote.txt`
 * (backtracking regular expressions over reversed text) and kept Outlook "From:/Sent:" blocks.
 * These rules look at one line at a time with anchored, bounded patterns, so the cost stays
 * linear in the message size.
 */

// "On <date>, <name> wrote:" and its usual translations; the attribution may wrap onto up to
// three lines, so it is matched against the joined lines.
const ATTRIBUTION_START = /^(On|Le|Am|El|Il|Op|Em|Den|W dniu)\s/;
const ATTRIBUTION_END =
  /(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał)\s*:\s*$/i;
const MAX_ATTRIBUTION_LINES = 3;

// Outlook and webmail reply headers: "From: …" followed closely by "Sent:"/"Date:"/"To:",
// optionally bold (*From:*) when the HTML part was flattened to text.
const HEADER_FROM = /^\s*\*?(From|Von|De|Da|Van)\s*:\*?\s/i;
const HEADER_NEXT =
  /^\s*\*?(Sent|Date|To|Subject|Gesendet|Datum|An|Envoyé|Enviado|Inviato|Verzonden)\s*:\*?/i;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale)\s*-{2,}\s*$/i;

// A separator line ("-- ", "--", "____") starts the signature or a mailing-list footer.
const SIGNATURE_DELIMITER = /^(--\s*|_{2,}\s*)$/;
// "Sent from my iPhone", "Sent from my Verizon Wireless BlackBerry" — at most three words,
// so a sentence such as "Sent from my desk, is much easier…" is kept.
const MOBILE_SIGNATURE =
  /^(Sent from my|Envoyé de mon|Von meinem|Enviado desde mi|Inviato da)( [\w-]+){1,3}\.?\s*$/i;
const SEPARATOR_LINE = /^\s*[-_=*]{3,}\s*$/;

const isQuoted = (line: string) => line.trimStart().startsWith(">");
const isBlank = (line: string) => line.trim() === "";
// Out-of-range reads count as blank lines, which none of the rules act on.
const lineAt = (lines: string[], index: number): string => lines[index] ?? "";

/** Number of lines making up an attribution starting at `index`, or 0 when there is none. */
function attributionLength(lines: string[], index: number): number {
  if (!ATTRIBUTION_START.test(lineAt(lines, index).trim())) return 0;
  let joined = "";
  for (let n = 0; n < MAX_ATTRIBUTION_LINES && index + n < lines.length; n++) {
    joined += ` ${lineAt(lines, index + n).trim()}`;
    if (ATTRIBUTION_END.test(joined)) return n + 1;
  }
  return 0;
}

function isReplyHeaderBlock(lines: string[], index: number): boolean {
  if (ORIGINAL_MESSAGE.test(lineAt(lines, index))) return true;
  if (!HEADER_FROM.test(lineAt(lines, index))) return false;
  for (let n = 1; n <= 3 && index + n < lines.length; n++) {
    if (HEADER_NEXT.test(lineAt(lines, index + n))) return true;
  }
  return false;
}

/** Index of the first line after the reply's own text (quoted history or signature). */
function endOfReply(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lineAt(lines, i);
    if (isQuoted(line)) continue;
    if (SIGNATURE_DELIMITER.test(line) || isReplyHeaderBlock(lines, i)) return i;
    const attribution = attributionLength(lines, i);
    if (attribution > 0) {
      // A top-posted reply followed by unmarked history ends here. When the history below is
      // marked with ">", the reply may continue beneath or between quotes (bottom / inline
      // posting), so only the attribution itself is dropped.
      let next = i + attribution;
      while (next < lines.length && isBlank(lineAt(lines, next))) next++;
      if (next < lines.length && !isQuoted(lineAt(lines, next))) return i;
      i += attribution - 1;
    }
  }
  return lines.length;
}

export function extractReplyText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const end = endOfReply(lines);
  const kept: string[] = [];
  for (let i = 0; i < end; i++) {
    const attribution = attributionLength(lines, i);
    if (attribution > 0) {
      i += attribution - 1;
      continue;
    }
    if (!isQuoted(lineAt(lines, i))) kept.push(lineAt(lines, i).trimEnd());
  }
  // Trailing separators, blank lines and a mobile signature belong to what was cut.
  while (kept.length > 0) {
    const last = lineAt(kept, kept.length - 1);
    if (isBlank(last) || SEPARATOR_LINE.test(last) || MOBILE_SIGNATURE.test(last.trim())) {
      kept.pop();
    } else break;
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "");
}
