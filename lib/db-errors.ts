/** PostgreSQL error inspection that works for both drivers (postgres.js and PGlite). */
function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function constraintName(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const c = current as { constraint?: string; constraint_name?: string };
    if (c.constraint || c.constraint_name) return c.constraint ?? c.constraint_name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgCode(error) !== "23505") return false;
  return constraint === undefined || constraintName(error) === constraint;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgCode(error) === "23503";
}
