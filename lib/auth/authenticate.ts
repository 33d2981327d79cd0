import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/context";

/** `resource:action`, checked against the permission table (see the identity issue). */
export type Permission = `${string}:${string}`;

/**
 * Resolve the caller of a protected route into a context. Until accounts exist every protected
 * route answers 401; the identity capability replaces this with session, JWT and API-key auth.
 */
export async function authenticate(
  _req: Request,
  _permission: Permission,
  _meta: Pick<Ctx, "requestId" | "ip" | "userAgent">,
): Promise<Ctx> {
  throw new AppError("unauthenticated", "Authentication is required for this endpoint.");
}
