import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./pagination";
import type { SortTerm } from "./sort";

const terms: SortTerm[] = [
  { field: "createdAt", desc: true, expr: sql`created_at`, type: "date" },
  { field: "id", desc: false, expr: sql`id`, type: "string" },
];

/** A cursor as a client could forge it: the same signature, other values. */
function forged(value: unknown): string {
  const issued = encodeCursor(terms, { createdAt: new Date(), id: "x" });
  const payload = JSON.parse(Buffer.from(issued, "base64url").toString("utf8"));
  payload.v[0] = value;
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

describe("cursor dates", () => {
  it("round-trips the dates we issue, date-only values and ±infinity", () => {
    const at = new Date("2026-03-07T10:20:30.123Z");
    expect(decodeCursor(encodeCursor(terms, { createdAt: at, id: "a" }), terms)).toEqual([
      at.toISOString(),
      "a",
    ]);
    for (const v of ["2026-05-02", "2026-05-02T10:00:00+02:00", "infinity", "-infinity"]) {
      expect(decodeCursor(forged(v), terms)[0]).toBe(v);
    }
  });

  it("refuses dates PostgreSQL would refuse with a 400, not a database error", () => {
    for (const v of ["March 7", "2026-02-31", "2026-13-01", "7/3/2026", "2026-03-07 junk", 42]) {
      expect(() => decodeCursor(forged(v), terms)).toThrow(
        expect.objectContaining({ code: "validation_error" }),
      );
    }
  });
});
