/**
 * Turning an uploaded file's bytes into UTF-8 CSV text: the encoding is sniffed (BOMs, UTF-16
 * without BOM, invalid UTF-8 → Windows-1252, as Excel writes), and the delimiter guessed from the
 * header line. Everything downstream — storage, parsing, resuming at a byte offset — then deals
 * with one encoding only.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** The encoding of a file from its first bytes (a few KB are plenty). */
export function sniffEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // Text in UTF-16 without a BOM: ASCII characters leave a zero in every other byte.
  const sample = head.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  if (half >= 2 && oddZeros > half * 0.3 && evenZeros < oddZeros / 10) return "utf-16le";
  if (half >= 2 && evenZeros > half * 0.3 && oddZeros < evenZeros / 10) return "utf-16be";
  try {
    // `stream: true` lets a multi-byte character cut off at the end of the sample pass.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/**
 * Re-encodes a byte stream in `encoding` as UTF-8 chunks, without the BOM. Characters split
 * across chunk boundaries are carried over by the streaming decoder.
 */
export function utf8Transcoder(encoding: CsvEncoding) {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return {
    push(bytes: Uint8Array): Buffer {
      return Buffer.from(decoder.decode(bytes, { stream: true }), "utf8");
    },
    end(): Buffer {
      return Buffer.from(decoder.decode(), "utf8");
    },
  };
}

/**
 * The delimiter of a CSV from its first line: the candidate that occurs most often outside
 * quotes; ties and no candidate fall back to a comma.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}
