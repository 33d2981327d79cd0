import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { login } from "./login";
import {
  SESSION_COOKIE,
  SESSION_MAX_AGE_SECONDS,
  secureCookies,
  sessionSecret,
} from "./session-cookie";

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * Auth.js (next-auth) for the browser: email + password through the same `login` the API uses
 * (same throttling, same audit trail), JWT sessions in an encrypted cookie keyed from AUTH_SECRET.
 * Failures reach the sign-in page as a code: "invalid_credentials", or "rate_limited:<seconds>".
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookies,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          organizationId: { label: "Organization", type: "text" },
        },
        async authorize(credentials, req) {
          const email = credentials?.email?.trim() ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) throw new Error("invalid_credentials");
          const forwarded = header(req?.headers, "x-forwarded-for");
          const meta = {
            ip: forwarded?.split(",")[0]?.trim() || null,
            userAgent: header(req?.headers, "user-agent"),
          };
          try {
            const signedIn = await login(
              await getDb(),
              { email, password, organizationId: credentials?.organizationId || undefined },
              meta,
            );
            return {
              id: signedIn.user.id,
              email: signedIn.user.email,
              name: signedIn.user.name,
              org: signedIn.organization.id,
              sv: signedIn.user.sessionVersion,
            };
          } catch (error) {
            if (error instanceof AppError && error.code === "rate_limited") {
              throw new Error(`rate_limited:${error.headers?.["retry-after"] ?? 60}`);
            }
            if (error instanceof AppError) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; org: string; sv: number };
          token.sub = u.id;
          token.org = u.org;
          token.sv = u.sv;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, orgId: token.org } as typeof session;
      },
    },
  };
}
