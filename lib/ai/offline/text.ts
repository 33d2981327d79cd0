/**
 * Folding for matching: lower case, accents removed, typographic apostrophes and dashes made
 * plain — one character for one, so a match's offsets point at the same words in the original
 * and a rationale can quote what the sender wrote.
 */
export function foldForMatching(text: string): string {
  let folded = "";
  for (const char of text) {
    const plain = char
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”«»„]/g, '"')
      .replace(/[–—]/g, "-");
    // Characters outside the BMP are two code units; keep the length in code units.
    folded += (plain[0] ?? " ").padEnd(char.length, " ");
  }
  return folded;
}

/** Blanks out a matched span so cues of categories scored later cannot count the same words. */
export function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** The quoted words for a rationale: the match, trimmed and kept to one short line. */
export function snippet(original: string, start: number, end: number): string {
  const words = original.slice(start, end).replace(/\s+/g, " ").trim();
  return words.length > 80 ? `${words.slice(0, 77)}…` : words;
}
