import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { touchLastSeen } from "@/lib/activity/last-seen";
import { AppError } from "@/lib/errors";
import type { AuthedCtx } from "./authenticate";
import { can, type Permission } from "./permissions";
import { resolveMember } from "./resolve-member";
import { SESSION_COOKIE, decodeSession } from "./session-cookie";

/**
 * The signed-in member for a server component, checked exactly like an API call (active
 * membership, current session version) — or null.
 */
export async function getPageCtx(): Promise<AuthedCtx | null> {
  const jar = await cookies();
  const token =
    jar.get(SESSION_COOKIE)?.value ??
    (jar.get(`${SESSION_COOKIE}.0`)
      ? jar
          .getAll()
          .filter((c) => c.name.startsWith(`${SESSION_COOKIE}.`))
          .map((c) => c.value)
          .join("")
      : null);
  const claims = await decodeSession(token ?? null);
  if (!claims) return null;
  const db = await getDb();
  try {
    const member = await resolveMember(db, claims);
    await touchLastSeen(db, member.orgId, member.userId);
    const h = await headers();
    return {
      db,
      orgId: member.orgId,
      role: member.role,
      actor: { type: "user", id: member.userId, userId: member.userId },
      auth: { method: "session", member },
      ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: h.get("user-agent"),
    };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** For pages behind sign-in: the member, or a redirect to the sign-in page. */
export async function requirePageCtx(): Promise<AuthedCtx> {
  const ctx = await getPageCtx();
  if (!ctx) redirect("/login");
  return ctx;
}

/** For pages that need a permission: the member, or back home when their role lacks it. */
export async function requirePagePermission(permission: Permission): Promise<AuthedCtx> {
  const ctx = await requirePageCtx();
  if (!can(ctx.role, permission)) redirect("/");
  return ctx;
}
