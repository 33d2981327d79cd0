import type { AuthedCtx } from "./authenticate";
import { sessionSetCookie } from "./session-cookie";

/**
 * When the caller is the browser (session cookie) and their credentials just changed — a new
 * password, another organization — the answer carries a fresh session cookie so they stay signed
 * in, while every other session ends.
 */
export async function refreshBrowserSession(
  response: Response,
  ctx: AuthedCtx,
  claims: { orgId: string; sessionVersion: number },
): Promise<Response> {
  const member = ctx.auth.member;
  if (ctx.auth.method !== "session" || !member) return response;
  response.headers.append(
    "set-cookie",
    await sessionSetCookie({
      userId: member.userId,
      email: member.email,
      name: member.name,
      ...claims,
    }),
  );
  return response;
}
