import type { Database } from "@/db/client";
import type { SignedIn } from "./login";
import { resolveMember } from "./resolve-member";
import { spendRefreshToken, type ClientMeta } from "./refresh-tokens";
import { issueTokenPair, type TokenPair } from "./token-pair";

export type AuthSession = TokenPair & {
  user: { id: string; email: string; name: string; role: SignedIn["role"] };
  organization: { id: string; name: string };
};

/** The API answer to a successful sign-in: a token pair and who/where the tokens are for. */
export async function startSession(
  db: Database,
  signedIn: SignedIn,
  meta: ClientMeta,
  familyId?: string,
): Promise<AuthSession> {
  const pair = await issueTokenPair(db, {
    userId: signedIn.user.id,
    orgId: signedIn.organization.id,
    sessionVersion: signedIn.user.sessionVersion,
    familyId,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return {
    ...pair,
    user: {
      id: signedIn.user.id,
      email: signedIn.user.email,
      name: signedIn.user.name,
      role: signedIn.role,
    },
    organization: signedIn.organization,
  };
}

/**
 * Trade a refresh token for a new pair in the same family (rotation). Not in a transaction on
 * purpose: when a spent token is replayed, the family revocation must stick even though the call
 * fails. The membership must still be active.
 */
export async function refreshSession(
  db: Database,
  refreshToken: string,
  meta: ClientMeta,
): Promise<AuthSession> {
  const spent = await spendRefreshToken(db, refreshToken);
  const member = await resolveMember(db, { userId: spent.userId, orgId: spent.organizationId });
  return startSession(
    db,
    {
      user: {
        id: member.userId,
        email: member.email,
        name: member.name,
        sessionVersion: member.sessionVersion,
      },
      organization: { id: member.orgId, name: member.orgName },
      role: member.role,
    },
    meta,
    spent.familyId,
  );
}
