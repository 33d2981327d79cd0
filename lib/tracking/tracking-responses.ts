import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

/** The smallest transparent GIF (1×1, 43 bytes). */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** Never cached anywhere, so every open reaches us (proxies that cache anyway are flagged). */
const NO_STORE = {
  "cache-control": "no-store, no-cache, must-revalidate, max-age=0, private",
  pragma: "no-cache",
  expires: "0",
};

export function pixelResponse(): Response {
  return new Response(new Uint8Array(PIXEL), {
    status: 200,
    headers: { "content-type": "image/gif", "content-length": String(PIXEL.length), ...NO_STORE },
  });
}

export function redirectResponse(url: string): Response {
  return new Response(null, {
    status: 302,
    headers: { location: url, "referrer-policy": "no-referrer", ...NO_STORE },
  });
}

/** A broken or forged link: a problem document, readable as a page by a person's browser too. */
export function linkNotFoundResponse(req: Request): Response {
  const error = new AppError("not_found", "This link is invalid or has expired.");
  if (!(req.headers.get("accept") ?? "").includes("text/html")) return problemResponse(error);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a"><h1 style="font-size:1.25rem">Link not found</h1><p>This link is invalid or has expired. If you copied it from an email, check that the whole address was copied.</p></body></html>`;
  return new Response(html, {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8", ...NO_STORE },
  });
}
