import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A member can report to a manager, admin or owner of the same organization who is not deactivated. */
export async function assertValidManager(
  db: Queryable,
  orgId: string,
  managerId: string,
  memberId?: string,
) {
  if (managerId === memberId) {
    throw new AppError("validation_error", "A member cannot report to themselves.", {
      errors: [{ path: "managerId", message: "Cannot be the member themselves" }],
    });
  }
  const [manager] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.userId, managerId),
        inArray(memberships.status, ["active", "invited"]),
      ),
    );
  if (!manager || !["manager", "admin", "owner"].includes(manager.role)) {
    throw new AppError(
      "validation_error",
      "managerId must be a manager, admin or owner of this organization.",
      {
        errors: [{ path: "managerId", message: "Not a manager in this organization" }],
      },
    );
  }
}
