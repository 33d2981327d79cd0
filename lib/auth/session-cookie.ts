import { decode, encode, type JWT } from "next-auth/jwt";
import { deriveKey } from "@/lib/crypto/keys";
import { env } from "@/lib/env";

/**
 * The browser session is Auth.js's encrypted JWT cookie. Its key is derived from AUTH_SECRET like
 * every other key, and this module is the one place that knows the cookie's name and contents,
 * shared by Auth.js itself, the API route wrapper, the proxy and server components.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const secureCookies = env.appUrl.startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

export function sessionSecret(): string {
  return deriveKey("session").toString("base64url");
}

export interface SessionClaims {
  userId: string;
  orgId: string;
  sessionVersion: number;
}

/** The session token from a Cookie header (Auth.js splits big cookies into .0, .1, …). */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  if (jar.has(SESSION_COOKIE)) return jar.get(SESSION_COOKIE)!;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${SESSION_COOKIE}.${i}`); i++)
    chunks.push(jar.get(`${SESSION_COOKIE}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export async function decodeSession(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const jwt = await decode({ token, secret: sessionSecret() });
    if (
      !jwt ||
      typeof jwt.sub !== "string" ||
      typeof jwt.org !== "string" ||
      typeof jwt.sv !== "number"
    ) {
      return null;
    }
    return { userId: jwt.sub, orgId: jwt.org, sessionVersion: jwt.sv };
  } catch {
    return null;
  }
}

/** A fresh session cookie (after switching organization or changing password). */
export async function sessionSetCookie(claims: SessionClaims & { name?: string; email?: string }) {
  const token: JWT = {
    sub: claims.userId,
    org: claims.orgId,
    sv: claims.sessionVersion,
    name: claims.name,
    email: claims.email,
  };
  const value = await encode({ token, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${SESSION_MAX_AGE_SECONDS}`,
  ];
  if (secureCookies) attrs.push("Secure");
  return attrs.join("; ");
}
