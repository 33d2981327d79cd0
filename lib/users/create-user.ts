import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";

export interface CreateUserInput {
  email: string;
  name?: string;
  /** Omitted for invited users, who set one when accepting. */
  password?: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A login identity. Emails are unique case-insensitively across Leadline. */
export async function createUser(db: Queryable, input: CreateUserInput) {
  const email = normalizeEmail(input.email);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    const [user] = await db
      .insert(users)
      .values({ email, name: input.name?.trim() ?? "", passwordHash })
      .returning();
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("duplicate", "An account with this email already exists.");
    }
    throw error;
  }
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return user;
}
