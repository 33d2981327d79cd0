import { validationError } from "@/lib/http/problem";

/** Where a page of recent activity ended: the item's time (to the microsecond) and id. */
export interface RecentActivityCursor {
  at: string;
  id: string;
}

// Microseconds, not the milliseconds the items show: the branches page on the raw timestamps,
// and two items within one millisecond must not fall between pages.
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeRecentActivityCursor(cursor: RecentActivityCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

export function decodeRecentActivityCursor(raw: string): RecentActivityCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (
      typeof at === "string" &&
      AT.test(at) &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === "string" &&
      id.length <= 100
    )
      return { at, id };
  } catch {
    // falls through to the 400 below
  }
  throw validationError([{ path: "cursor", message: "Not a cursor this endpoint gave out" }]);
}
