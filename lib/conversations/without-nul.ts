/**
 * What senders write is stored as text and JSON, neither of which PostgreSQL lets hold a NUL
 * character (U+0000) — never meaningful in a message, so it is dropped rather than refusing the mail.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)]),
    ) as T;
  }
  return value;
}
