import { AppError } from "@/lib/errors";

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

export function isJsonContentType(value: string | null): boolean {
  return value !== null && JSON_TYPE.test(value);
}

/**
 * Read a request body with a hard byte cap, without trusting Content-Length: the stream is cut
 * off as soon as it passes the limit, so an oversized upload never sits whole in memory.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body exceeds ${formatBytes(maxBytes)}.`);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * The JSON body of a request: 415 for a body that isn't JSON, 400 for malformed JSON, 413 when too
 * big. An empty body reads as `undefined`, so endpoints whose fields are all optional accept it.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const contentType = req.headers.get("content-type");
  const bytes = await readBodyBytes(req, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(contentType)) {
    throw new AppError(
      "unsupported_media_type",
      `Expected Content-Type: application/json, got ${contentType ? `"${contentType}"` : "none"}.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid_json", `Malformed JSON: ${(error as Error).message}`);
  }
}
