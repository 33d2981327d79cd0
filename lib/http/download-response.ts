/**
 * Stored files served back as downloads. The name and type come from whoever produced the file,
 * so both are treated as untrusted: a CR/LF or quote must never reach a header, a path can't
 * steer where the browser saves, and the browser is told not to sniff or render the bytes.
 */

const FALLBACK_NAME = "attachment";

// RFC 5987 attr-char minus what encodeURIComponent already leaves alone but attr-char excludes.
const encodeExtValue = (name: string) =>
  encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The name with control characters and path separators gone, never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[/\\]/g, "_")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 200);
  return cleaned || FALLBACK_NAME;
}

/**
 * `attachment` with an ASCII `filename` for old clients and, when the name isn't plain ASCII,
 * `filename*` in UTF-8 (RFC 6266 §4.3: clients that know it prefer it).
 */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  if (ascii === safe) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}

// type/subtype with optional parameters, tokens only (RFC 9110 §8.3): nothing that could split a header.
const MEDIA_TYPE =
  /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\\\r\n]*"|[\w!#$&^.+-]+))*$/;

/** The stored type when it is a well-formed media type, else a generic byte stream. */
export function safeContentType(type: string): string {
  const trimmed = type.trim();
  return trimmed.length <= 200 && MEDIA_TYPE.test(trimmed) ? trimmed : "application/octet-stream";
}

/** A stored file as a download: exact bytes, length, private and never cached or rendered. */
export function downloadResponse(file: {
  filename: string;
  contentType: string;
  content: Uint8Array;
}): Response {
  return new Response(file.content as BodyInit, {
    status: 200,
    headers: {
      "content-type": safeContentType(file.contentType),
      "content-disposition": contentDisposition(file.filename),
      "content-length": String(file.content.byteLength),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // Opened in a tab anyway (an HTML or SVG attachment), it runs nothing and reaches nothing.
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
