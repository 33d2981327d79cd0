import { ApiError } from "@/lib/client/api";

export type FieldErrorOf = (path: string) => string | undefined;

/** The problem body's message for a field path such as `steps[0].variants[1].subject`. */
export function fieldErrorsOf(error: unknown): FieldErrorOf {
  return (path) => (error instanceof ApiError ? error.fieldError(path) : undefined);
}
