import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { AuthedCtx } from "./authenticate";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { signOutEverywhere } from "./sign-out-everywhere";
import { issueTokenPair, type TokenPair } from "./token-pair";
import { authUserSchema, organizationRefSchema, roleSchema } from "./schemas";

export const meSchema = z
  .object({
    user: authUserSchema.nullable().meta({ description: "null when the caller is an API key" }),
    organization: organizationRefSchema,
    role: roleSchema,
    apiKey: z.object({ id: z.uuid() }).optional(),
  })
  .meta({ id: "Me" });

export const updateMeInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    currentPassword: z.string().max(128).optional(),
    newPassword: passwordSchema.optional(),
  })
  .refine((v) => !v.newPassword || v.currentPassword, {
    message: "currentPassword is required to set a new password",
    path: ["currentPassword"],
  })
  .meta({ id: "UpdateMe" });

export async function getMe(ctx: AuthedCtx): Promise<z.infer<typeof meSchema>> {
  const member = ctx.auth.member;
  const [org] = await ctx.db.query.organizations.findMany({
    where: (o, { eq }) => eq(o.id, ctx.orgId),
    columns: { id: true, name: true },
    limit: 1,
  });
  return {
    user: member
      ? { id: member.userId, email: member.email, name: member.name, role: member.role }
      : null,
    organization: org!,
    role: ctx.role,
    ...(ctx.auth.apiKeyId ? { apiKey: { id: ctx.auth.apiKeyId } } : {}),
  };
}

/**
 * Change one's own name or password. A new password ends every other session (all refresh tokens
 * revoked, the session version moved on) and returns fresh credentials for the caller's own.
 */
export async function updateMe(
  ctx: AuthedCtx,
  input: z.infer<typeof updateMeInput>,
): Promise<{ me: z.infer<typeof meSchema>; tokens?: TokenPair; sessionVersion?: number }> {
  const member = ctx.auth.member;
  if (!member) throw new AppError("forbidden", "API keys have no profile to change.");
  const [user] = await ctx.db.select().from(users).where(eq(users.id, member.userId)).limit(1);
  let sessionVersion: number | undefined;
  let tokens: TokenPair | undefined;
  await ctx.db.transaction(async (tx) => {
    if (input.name !== undefined && input.name !== user!.name) {
      await tx.update(users).set({ name: input.name }).where(eq(users.id, member.userId));
      await recordAudit(tx, ctx, {
        action: "user.profile_updated",
        resourceType: "user",
        resourceId: member.userId,
        changes: { name: { from: user!.name, to: input.name } },
      });
    }
    if (input.newPassword) {
      if (
        !user!.passwordHash ||
        !(await verifyPassword(user!.passwordHash, input.currentPassword!))
      ) {
        throw new AppError("validation_error", "The current password is not correct.", {
          errors: [{ path: "currentPassword", message: "Not correct" }],
        });
      }
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(input.newPassword) })
        .where(eq(users.id, member.userId));
      sessionVersion = await signOutEverywhere(tx, member.userId);
      tokens = await issueTokenPair(tx, {
        userId: member.userId,
        orgId: ctx.orgId,
        sessionVersion,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      await recordAudit(tx, ctx, {
        action: "auth.password_changed",
        resourceType: "user",
        resourceId: member.userId,
      });
    }
  });
  const me = await getMe({
    ...ctx,
    auth: {
      ...ctx.auth,
      member: {
        ...member,
        name: input.name ?? member.name,
        sessionVersion: sessionVersion ?? member.sessionVersion,
      },
    },
  });
  return { me, tokens, sessionVersion };
}
