import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures allowed per account from one address, per address overall, per account overall. */
export const LIMITS = { pair: 5, ip: 30, account: 20 } as const;
const TRUSTED_WINDOW_MS = 30 * 86_400_000;

/**
 * Refuse a sign-in attempt while too many recent ones failed: for this account from this address,
 * from this address for any account (credential stuffing), or for this account from anywhere
 * (distributed guessing). The windows slide, so every block ends by itself; and the account-wide
 * block spares addresses that signed in to that account successfully before, so an attacker
 * cannot keep a user out of their own account.
 */
export async function assertLoginAllowed(
  db: Database,
  email: string,
  ip: string,
  now = new Date(),
) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = (where: ReturnType<typeof and>) =>
    db
      .select({
        n: sql<number>`count(*)::int`,
        oldest: sql<string | null>`min(${loginAttempts.createdAt})`,
      })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));

  const checks: { limit: number; where: ReturnType<typeof and>; skip?: () => Promise<boolean> }[] =
    [
      { limit: LIMITS.pair, where: and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)) },
      { limit: LIMITS.ip, where: and(eq(loginAttempts.ip, ip)) },
      {
        limit: LIMITS.account,
        where: and(eq(loginAttempts.email, email)),
        skip: async () => {
          const [known] = await db
            .select({ id: loginAttempts.id })
            .from(loginAttempts)
            .where(
              and(
                eq(loginAttempts.email, email),
                eq(loginAttempts.ip, ip),
                eq(loginAttempts.succeeded, true),
                gt(loginAttempts.createdAt, new Date(now.getTime() - TRUSTED_WINDOW_MS)),
              ),
            )
            .limit(1);
          return Boolean(known);
        },
      },
    ];
  for (const check of checks) {
    const [row] = await failures(check.where);
    if ((row?.n ?? 0) < check.limit) continue;
    if (check.skip && (await check.skip())) continue;
    const oldest = new Date(row!.oldest!).getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
    throw new AppError("rate_limited", "Too many failed sign-in attempts. Try again later.", {
      headers: { "retry-after": String(retryAfter) },
      extra: { retryAfter },
    });
  }
}

export async function recordLoginAttempt(
  db: Database,
  email: string,
  ip: string,
  succeeded: boolean,
) {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}
