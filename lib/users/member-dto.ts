import { z } from "zod";
import { MEMBERSHIP_STATUSES, memberships, users } from "@/db/schema";
import { roleSchema } from "@/lib/auth/schemas";

export const memberSchema = z
  .object({
    id: z.uuid().meta({ description: "The user's id" }),
    email: z.email(),
    name: z.string(),
    role: roleSchema,
    status: z.enum(MEMBERSHIP_STATUSES),
    managerId: z.uuid().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type MemberDto = z.infer<typeof memberSchema>;

/** The columns a member is read with: one membership joined to its user. */
export const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  status: memberships.status,
  managerId: memberships.managerId,
  lastLoginAt: users.lastLoginAt,
  joinedAt: memberships.createdAt,
};

export function toMemberDto(row: {
  id: string;
  email: string;
  name: string;
  role: MemberDto["role"];
  status: MemberDto["status"];
  managerId: string | null;
  lastLoginAt: Date | null;
  joinedAt: Date;
}): MemberDto {
  return {
    ...row,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    joinedAt: row.joinedAt.toISOString(),
  };
}
