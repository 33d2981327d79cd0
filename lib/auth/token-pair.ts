import { z } from "zod";
import type { Queryable } from "@/db/client";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-tokens";
import { issueRefreshToken, type ClientMeta } from "./refresh-tokens";

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().meta({ description: "Access token lifetime in seconds" }),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export async function issueTokenPair(
  db: Queryable,
  input: { userId: string; orgId: string; sessionVersion: number; familyId?: string } & ClientMeta,
): Promise<TokenPair> {
  const refreshToken = await issueRefreshToken(db, input);
  const accessToken = await signAccessToken(input);
  return { accessToken, refreshToken, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}
