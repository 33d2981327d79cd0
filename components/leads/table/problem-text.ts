import { ApiError, errorMessage } from "@/lib/client/api";

/**
 * The readable part of an API error: the field messages when the problem names fields (its
 * `detail` prefixes them with API paths like "ownerId:"), otherwise its detail.
 */
export function problemText(error: unknown): string {
  const fields = error instanceof ApiError ? error.problem.errors : undefined;
  if (fields?.length) return fields.map((e) => e.message).join("; ");
  return errorMessage(error);
}
