import { createHash } from "node:crypto";
import { parse, type Options } from "csv-parse";
import type { Queryable } from "@/db/client";
import { leadImportChunks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { detectDelimiter, sniffEncoding, utf8Transcoder, type CsvEncoding } from "./csv-text";

/** Stored chunks are exactly this size (but the last), so a byte offset names a chunk. */
export const CHUNK_BYTES = 1 << 20;
export const MAX_COLUMNS = 500;
/** A quoted field that never closes would otherwise swallow the rest of a 200 MB file. */
const MAX_RECORD_CHARS = 1_000_000;

/** The parser settings of every pass over an import's stored (UTF-8) text. */
export function csvParseOptions(delimiter: string): Options {
  return {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  };
}

export interface StoredUpload {
  fileSize: number;
  fileHash: string;
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  /** Byte offset where the first data row starts. */
  dataOffset: number;
  totalRows: number;
}

const SNIFF_BYTES = 64 * 1024;

function malformed(detail: string) {
  return new AppError("bad_request", detail, { errors: [{ path: "file", message: detail }] });
}

/**
 * Streams an upload into `lead_import_chunks` as UTF-8 in fixed-size chunks, hashing it and
 * counting its rows with the same parser the import runs later — so a file that can't be parsed
 * (a quote that never closes, no header, header only, too many columns) is refused before any
 * row is imported. Memory stays at about one chunk whatever the file size.
 */
export async function storeUpload(
  db: Queryable,
  importId: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): Promise<StoredUpload> {
  const hash = createHash("sha256");
  let rawSize = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  let state:
    | { encoding: CsvEncoding; transcode: ReturnType<typeof utf8Transcoder>; counter: RowCounter }
    | undefined;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let seq = 0;

  const flush = async (final: boolean) => {
    while (pendingSize >= CHUNK_BYTES || (final && pendingSize > 0)) {
      const all = Buffer.concat(pending);
      const size = Math.min(CHUNK_BYTES, all.length);
      await db
        .insert(leadImportChunks)
        .values({ importId, seq: seq++, data: all.subarray(0, size) });
      pending = size < all.length ? [all.subarray(size)] : [];
      pendingSize = all.length - size;
    }
  };
  const accept = async (utf8: Buffer) => {
    if (!utf8.length) return;
    state!.counter.write(utf8);
    pending.push(utf8);
    pendingSize += utf8.length;
    await flush(false);
  };
  const start = async () => {
    const first = Buffer.concat(head);
    head = [];
    const encoding = sniffEncoding(first);
    const transcode = utf8Transcoder(encoding);
    const text = transcode.push(first);
    state = {
      encoding,
      transcode,
      counter: new RowCounter(detectDelimiter(text.toString("utf8"))),
    };
    await accept(text);
  };

  for await (const bytes of source) {
    rawSize += bytes.byteLength;
    if (rawSize > maxBytes) {
      throw new AppError(
        "payload_too_large",
        `The file exceeds ${Math.round(maxBytes / 2 ** 20)} MB.`,
      );
    }
    hash.update(bytes);
    if (!state) {
      head.push(Buffer.from(bytes));
      headSize += bytes.byteLength;
      if (headSize >= SNIFF_BYTES) await start();
    } else {
      await accept(state.transcode.push(bytes));
    }
  }
  if (!state) await start();
  await accept(state!.transcode.end());
  await flush(true);
  const counted = await state!.counter.end();

  if (!counted.headers || counted.headers.every((h) => !h.trim()))
    throw malformed("The file is empty.");
  if (counted.headers.length > MAX_COLUMNS) {
    throw malformed(
      `The header has ${counted.headers.length} columns; at most ${MAX_COLUMNS} can be imported.`,
    );
  }
  if (counted.rows === 0) throw malformed("The file has a header row but no data rows.");
  return {
    fileSize: rawSize,
    fileHash: hash.digest("hex"),
    encoding: state!.encoding,
    delimiter: counted.delimiter,
    headers: counted.headers.map((h, i) => h.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`),
    dataOffset: counted.headerBytes,
    totalRows: counted.rows,
  };
}

/** Counts the records of a CSV as it streams past, keeping only the header. */
class RowCounter {
  private parser;
  private done: Promise<void>;
  headers: string[] | null = null;
  headerBytes = 0;
  rows = 0;
  private error: Error | null = null;

  constructor(readonly delimiter: string) {
    this.parser = parse(csvParseOptions(delimiter));
    this.parser.on("data", (r: { record: string[]; info: { bytes: number } }) => {
      if (this.headers === null) {
        this.headers = r.record;
        this.headerBytes = r.info.bytes;
      } else this.rows++;
    });
    this.done = new Promise((resolve) => {
      this.parser.on("end", resolve);
      this.parser.on("error", (e) => {
        this.error = e;
        resolve();
      });
    });
  }

  write(utf8: Buffer) {
    if (!this.error) this.parser.write(utf8);
  }

  async end() {
    if (!this.error) this.parser.end();
    await this.done;
    if (this.error) {
      const e = this.error as Error & { lines?: number; code?: string };
      const where = e.lines ? ` near line ${e.lines}` : "";
      const why =
        e.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field never closes"
          : e.code === "CSV_MAX_RECORD_SIZE"
            ? "a row is longer than 1 MB (often a quoted field that never closes)"
            : e.message;
      throw malformed(`The CSV can't be read${where}: ${why}.`);
    }
    return {
      headers: this.headers,
      headerBytes: this.headerBytes,
      rows: this.rows,
      delimiter: this.delimiter,
    };
  }
}
