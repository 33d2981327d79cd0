import { and, eq, lt } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto/keys";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";

const TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ["content-type", "location", "x-total-count"];

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/**
 * `Idempotency-Key` on POST, as Stripe does it: the first request with a key runs and its answer
 * is stored for 24 h; the same key and body again get that answer back without the work being
 * done twice; the same key with another body is a 409; a duplicate arriving while the first is
 * still running is a 409 to retry. Keys are scoped per caller. Server errors are not stored, so a
 * retry after a 5xx really retries.
 */
export async function withIdempotency(
  ctx: Ctx,
  req: Request,
  body: unknown,
  execute: () => Promise<Response>,
): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key === null || req.method !== "POST") return execute();
  if (!KEY_RE.test(key)) {
    throw new AppError("validation_error", "Idempotency-Key must be 1–255 printable characters.", {
      errors: [{ path: "Idempotency-Key", message: "1–255 printable ASCII characters" }],
    });
  }
  const path = new URL(req.url).pathname;
  const requestHash = sha256Hex(`${req.method} ${path}\n${stableStringify(body ?? null)}`);
  const scope = and(
    eq(idempotencyKeys.organizationId, ctx.orgId),
    eq(idempotencyKeys.actorId, ctx.actor.id ?? ctx.orgId),
    eq(idempotencyKeys.key, key),
  );
  // An expired record no longer binds the key.
  await ctx.db.delete(idempotencyKeys).where(and(scope, lt(idempotencyKeys.expiresAt, new Date())));
  let claimed = false;
  try {
    await ctx.db.insert(idempotencyKeys).values({
      organizationId: ctx.orgId,
      actorId: ctx.actor.id ?? ctx.orgId,
      key,
      method: req.method,
      path,
      requestHash,
      expiresAt: new Date(Date.now() + TTL_MS),
    });
    claimed = true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if (!claimed) {
    const [existing] = await ctx.db.select().from(idempotencyKeys).where(scope).limit(1);
    if (!existing) return execute();
    if (existing.requestHash !== requestHash) {
      throw new AppError(
        "idempotency_conflict",
        "This Idempotency-Key was already used with a different request.",
      );
    }
    if (existing.responseStatus === null) {
      throw new AppError(
        "idempotency_in_progress",
        "The first request with this key is still running.",
        {
          headers: { "retry-after": "1" },
        },
      );
    }
    return new Response(existing.responseStatus === 204 ? null : existing.responseBody, {
      status: existing.responseStatus,
      headers: { ...existing.responseHeaders, "idempotent-replayed": "true" },
    });
  }
  const response = await execute();
  if (response.status >= 500) {
    await ctx.db.delete(idempotencyKeys).where(scope);
    return response;
  }
  const text = response.status === 204 ? "" : await response.text();
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  await ctx.db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: text, responseHeaders: headers })
    .where(scope);
  return new Response(response.status === 204 ? null : text, {
    status: response.status,
    headers: response.headers,
  });
}
