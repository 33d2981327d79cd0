import { newId } from "@/lib/crypto/ids";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuse a caller's (or proxy's) X-Request-Id when it is sane, so logs correlate end to end. */
export function requestIdFor(req: Request): string {
  const incoming = req.headers.get("x-request-id");
  return incoming && SAFE_ID.test(incoming) ? incoming : newId();
}

/** The client address as the nearest proxy reports it (deployments sit behind one). */
export function clientIp(req: Request): string | null {
  const forwarded = req.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return req.headers.get("x-real-ip");
}
