import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { newId } from "@/lib/crypto/ids";
import { deriveKey } from "@/lib/crypto/keys";
import { AppError } from "@/lib/errors";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = "leadline";
const AUDIENCE = "leadline-api";

export interface AccessClaims {
  userId: string;
  orgId: string;
  /** The user's session version when issued: bumping it revokes every outstanding token. */
  sessionVersion: number;
}

/** A short-lived access token: HS256 with a key used for nothing else. */
export async function signAccessToken(claims: AccessClaims): Promise<string> {
  return new SignJWT({ org: claims.orgId, sv: claims.sessionVersion, typ: "access" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .setJti(newId())
    .sign(deriveKey("access-token"));
}

/**
 * Verify with the algorithm pinned: `alg: none`, other algorithms, other keys, other issuers or
 * audiences, expired tokens and tokens of another type are all rejected alike.
 */
export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, deriveKey("access-token"), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (
      payload.typ !== "access" ||
      typeof payload.sub !== "string" ||
      typeof payload.org !== "string" ||
      typeof payload.sv !== "number"
    ) {
      throw new Error("malformed claims");
    }
    return { userId: payload.sub, orgId: payload.org, sessionVersion: payload.sv };
  } catch (error) {
    const expired = error instanceof joseErrors.JWTExpired;
    throw new AppError(
      "invalid_token",
      expired ? "The access token has expired." : "The access token is invalid.",
    );
  }
}
