import type { Database } from "@/db/client";
import { getDb } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { touchLastSeen } from "@/lib/activity/last-seen";
import { AppError } from "@/lib/errors";
import { verifyAccessToken } from "./access-tokens";
import { authenticateApiKey } from "./api-key-auth";
import { assertCan, type Permission } from "./permissions";
import { resolveMember, type Member } from "./resolve-member";
import { API_KEY_PREFIX } from "./secrets";
import { decodeSession, readSessionCookie } from "./session-cookie";

export type { Permission } from "./permissions";

export type AuthMethod = "session" | "bearer" | "api_key";

/** The request context plus how the caller authenticated (some routes answer differently). */
export interface AuthedCtx extends Ctx {
  auth: { method: AuthMethod; member?: Member; apiKeyId?: string };
}

type Meta = Pick<Ctx, "requestId" | "ip" | "userAgent">;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Who is calling: `Authorization: Bearer` with an API key (ll_live_…) or an access token, or else
 * the Auth.js session cookie — so the app's own UI calls /api/v1 exactly like any client. Then
 * the permission is checked against the caller's role; a missing one is a 403.
 */
export async function authenticate(
  req: Request,
  permission: Permission,
  meta: Meta,
): Promise<AuthedCtx> {
  const db = await getDb();
  const ctx = await identify(db, req, meta);
  assertCan(ctx, permission);
  if (ctx.auth.member) await touchLastSeen(db, ctx.orgId, ctx.auth.member.userId);
  return ctx;
}

async function identify(db: Database, req: Request, meta: Meta): Promise<AuthedCtx> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError("invalid_token", "Use `Authorization: Bearer <token>`.");
    const token = match[1]!;
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await authenticateApiKey(db, token);
      return {
        db,
        orgId: key.organizationId,
        role: key.role,
        actor: { type: "api_key", id: key.id, userId: null },
        auth: { method: "api_key", apiKeyId: key.id },
        ...meta,
      };
    }
    const member = await resolveMember(db, await verifyAccessToken(token));
    return memberCtx(db, member, "bearer", meta);
  }
  const claims = await decodeSession(readSessionCookie(req.headers.get("cookie")));
  if (!claims)
    throw new AppError("unauthenticated", "Sign in, or send an access token or API key.");
  assertSameOrigin(req);
  const member = await resolveMember(db, claims);
  return memberCtx(db, member, "session", meta);
}

function memberCtx(db: Database, member: Member, method: AuthMethod, meta: Meta): AuthedCtx {
  return {
    db,
    orgId: member.orgId,
    role: member.role,
    actor: { type: "user", id: member.userId, userId: member.userId },
    auth: { method, member },
    ...meta,
  };
}

/**
 * Cookie-authenticated writes must come from our own pages. SameSite=Lax cookies and the JSON
 * content-type requirement already stop classic CSRF; this refuses a foreign Origin outright.
 */
function assertSameOrigin(req: Request) {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host =
    req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) throw new AppError("forbidden", "Cross-origin request refused.");
}
