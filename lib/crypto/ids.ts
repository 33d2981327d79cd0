import { v7 } from "uuid";

/** Time-ordered UUIDv7, generated here rather than in SQL because PostgreSQL 15 lacks uuidv7(). */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
