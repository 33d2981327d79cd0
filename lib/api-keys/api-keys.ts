import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashApiKey } from "@/lib/auth/api-key-auth";
import { assertCan, outranksOrEquals } from "@/lib/auth/permissions";
import { API_KEY_PREFIX, randomBase62 } from "@/lib/auth/secrets";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { listRows } from "@/lib/http/list-rows";
import { pageQuerySchema } from "@/lib/http/pagination";
import { toApiKeyDto } from "./api-key-dto";

export const createApiKeyInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    role: z.enum(["admin", "manager", "sales_rep", "integration"]).default("integration"),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .refine((v) => !v || new Date(v).getTime() > Date.now(), "Must be in the future"),
  })
  .meta({ id: "CreateApiKey" });

export const listApiKeysQuery = pageQuerySchema
  .extend({ status: z.enum(["active", "revoked", "all"]).default("all") })
  .strict();

/** A new key: the secret is returned this once and only its keyed hash is stored. */
export async function createApiKey(ctx: Ctx, input: z.infer<typeof createApiKeyInput>) {
  assertCan(ctx, "api_keys:write");
  if (!outranksOrEquals(ctx.role, input.role))
    throw new AppError("forbidden", `You cannot create ${input.role} keys.`);
  const secret = API_KEY_PREFIX + randomBase62(40);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.orgId,
        name: input.name,
        prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashApiKey(secret),
        role: input.role,
        createdById: ctx.actor.userId,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      resourceType: "api_key",
      resourceId: row!.id,
      changes: { name: input.name, role: input.role, expiresAt: input.expiresAt ?? null },
    });
    return { ...toApiKeyDto(row!), secret };
  });
}

const SORTABLE = {
  createdAt: { expr: apiKeys.createdAt, type: "date" as const },
  name: { expr: apiKeys.name, type: "string" as const },
};

export async function listApiKeys(ctx: Ctx, query: z.infer<typeof listApiKeysQuery>) {
  assertCan(ctx, "api_keys:read");
  const filter = and(
    eq(apiKeys.organizationId, ctx.orgId),
    query.status === "active" ? isNull(apiKeys.revokedAt) : undefined,
    query.status === "revoked" ? isNotNull(apiKeys.revokedAt) : undefined,
  );
  const page = await listRows(ctx.db, apiKeys, {
    query,
    filter,
    sortable: SORTABLE,
    defaultSort: "-createdAt",
  });
  return { ...page, data: page.data.map(toApiKeyDto) };
}

/** Revoke a key: the next request with it gets a 401. Revoking twice is harmless. */
export async function revokeApiKey(ctx: Ctx, id: string) {
  assertCan(ctx, "api_keys:write");
  await ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, ctx.orgId), eq(apiKeys.id, id)))
      .limit(1);
    if (!key) throw notFound("API key");
    if (key.revokedAt) return;
    await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.organizationId, ctx.orgId), eq(apiKeys.id, id)));
    await recordAudit(tx, ctx, {
      action: "api_key.revoked",
      resourceType: "api_key",
      resourceId: id,
      changes: { name: key.name },
    });
  });
}
