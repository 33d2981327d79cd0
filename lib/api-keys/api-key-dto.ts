import { z } from "zod";
import type { apiKeys } from "@/db/schema";
import { roleSchema } from "@/lib/auth/schemas";

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to tell keys apart" }),
    role: roleSchema,
    status: z.enum(["active", "revoked", "expired"]),
    createdById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ secret: z.string().meta({ description: "Shown once, never again" }) })
  .meta({ id: "CreatedApiKey" });

export function toApiKeyDto(row: typeof apiKeys.$inferSelect): z.infer<typeof apiKeySchema> {
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= Date.now();
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    status: row.revokedAt ? "revoked" : expired ? "expired" : "active",
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
