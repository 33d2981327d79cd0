import { detectDelimiter, sniffEncoding } from "@/lib/leads/import/csv-text";

export interface CsvPreview {
  headers: string[];
  /** The first data rows, for showing sample values next to each column. */
  samples: string[][];
  delimiter: string;
  encoding: string;
  rows: number;
  /** False when only the head of a large file was read and `rows` is extrapolated. */
  exactRows: boolean;
}

// Enough to see the header and a good sample of rows without loading a large file into memory.
const HEAD_BYTES = 512 * 1024;
const SAMPLE_ROWS = 3;

/**
 * Reads the header and first rows of a CSV in the browser, with the same encoding and delimiter
 * sniffing the server uses, so the mapping step can show columns before anything is uploaded.
 */
export async function readCsvPreview(file: File): Promise<CsvPreview> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const encoding = sniffEncoding(head);
  const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const complete = file.size <= HEAD_BYTES;
  const records = parseCsv(text, delimiter, complete).filter(
    (r) => r.length > 1 || r[0]!.trim() !== "",
  );
  const [header, ...rows] = records;
  if (!header) throw new Error("The file is empty.");
  return {
    headers: header.map((h, i) => h.trim() || `Column ${i + 1}`),
    samples: rows.slice(0, SAMPLE_ROWS),
    delimiter,
    encoding,
    rows: complete ? rows.length : Math.round((rows.length * file.size) / HEAD_BYTES),
    exactRows: complete,
  };
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. When the
 * text is only the head of a file, the last record may be cut off and is dropped.
 */
export function parseCsv(text: string, delimiter: string, complete = true): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (complete && (field !== "" || record.length)) {
    record.push(field);
    records.push(record);
  }
  return records;
}
