import { describe, expect, it } from "vitest";
import type { SendWindow } from "@/db/schema";
import { isInWindow, isValidTimeZone, localTime, nextWindowStart, offsetAt } from "./send-window";

const weekdays: SendWindow = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
const everyDay = (start: string, end: string): SendWindow => ({
  days: [1, 2, 3, 4, 5, 6, 7],
  start,
  end,
});
const next = (iso: string, window: SendWindow, tz: string) =>
  nextWindowStart(new Date(iso), window, tz).toISOString();

describe("nextWindowStart in UTC", () => {
  it("keeps an instant already inside the window", () => {
    // 2026-03-02 is a Monday.
    expect(next("2026-03-02T10:15:30.000Z", weekdays, "UTC")).toBe("2026-03-02T10:15:30.000Z");
  });

  it("moves an early instant to the start of the same day", () => {
    expect(next("2026-03-02T06:00:00.000Z", weekdays, "UTC")).toBe("2026-03-02T09:00:00.000Z");
  });

  it("treats the end as exclusive and skips the weekend", () => {
    // Friday 17:00 sharp is already outside: next is Monday 09:00.
    expect(next("2026-03-06T17:00:00.000Z", weekdays, "UTC")).toBe("2026-03-09T09:00:00.000Z");
    expect(next("2026-03-07T12:00:00.000Z", weekdays, "UTC")).toBe("2026-03-09T09:00:00.000Z");
    expect(next("2026-03-06T16:59:59.000Z", weekdays, "UTC")).toBe("2026-03-06T16:59:59.000Z");
  });

  it("opens a weekend-only window on Saturday, and a midnight start at 00:00", () => {
    const weekend: SendWindow = { days: [6, 7], start: "10:00", end: "12:00" };
    expect(next("2026-03-04T11:00:00.000Z", weekend, "UTC")).toBe("2026-03-07T10:00:00.000Z");
    expect(next("2026-03-07T12:00:00.000Z", weekend, "UTC")).toBe("2026-03-08T10:00:00.000Z");
    expect(next("2026-03-08T12:00:00.000Z", weekend, "UTC")).toBe("2026-03-14T10:00:00.000Z");
    const fromMidnight: SendWindow = { days: [3], start: "00:00", end: "01:00" };
    expect(next("2026-03-03T23:30:00.000Z", fromMidnight, "UTC")).toBe("2026-03-04T00:00:00.000Z");
  });
});

describe("nextWindowStart in Europe/Berlin", () => {
  const tz = "Europe/Berlin";

  it("uses CET before and CEST after the spring change", () => {
    // Friday 2026-03-27 18:00 CET → Monday 2026-03-30 09:00 CEST (07:00Z, no longer 08:00Z).
    expect(next("2026-03-27T17:00:00.000Z", weekdays, tz)).toBe("2026-03-30T07:00:00.000Z");
    expect(next("2026-03-20T17:00:00.000Z", weekdays, tz)).toBe("2026-03-23T08:00:00.000Z");
  });

  it("opens a start inside the spring-forward gap when the clocks jump", () => {
    // Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z; 02:30 never happens.
    expect(next("2026-03-29T00:00:00.000Z", everyDay("02:30", "04:00"), tz)).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    // A window that lies wholly in the gap doesn't open that day at all.
    expect(next("2026-03-29T00:00:00.000Z", everyDay("02:00", "02:45"), tz)).toBe(
      "2026-03-30T00:00:00.000Z",
    );
  });

  it("takes the first 02:30 of the fall-back night", () => {
    // Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:30 happens twice.
    expect(next("2026-10-24T22:00:00.000Z", everyDay("02:30", "05:00"), tz)).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("re-enters a window when the repeated hour brings the clock back into it", () => {
    // 02:45 CEST is past a 02:00–02:30 window, but at 01:00Z the clock reads 02:00 again.
    expect(next("2026-10-25T00:45:00.000Z", everyDay("02:00", "02:30"), tz)).toBe(
      "2026-10-25T01:00:00.000Z",
    );
    expect(next("2026-10-25T01:40:00.000Z", everyDay("02:00", "02:30"), tz)).toBe(
      "2026-10-26T01:00:00.000Z",
    );
  });

  it("uses CET again on the Monday after the autumn change", () => {
    expect(next("2026-10-23T16:00:00.000Z", weekdays, tz)).toBe("2026-10-26T08:00:00.000Z");
  });
});

describe("nextWindowStart in America/New_York", () => {
  const tz = "America/New_York";

  it("crosses the spring change over a weekend", () => {
    // Friday 2026-03-06 17:00 EST → Monday 2026-03-09 09:00 EDT = 13:00Z (EST would be 14:00Z).
    expect(next("2026-03-06T22:00:00.000Z", weekdays, tz)).toBe("2026-03-09T13:00:00.000Z");
  });

  it("skips a day whose window falls in the gap", () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: a 02:00–03:00 window has no instant that day.
    expect(next("2026-03-08T06:00:00.000Z", everyDay("02:00", "03:00"), tz)).toBe(
      "2026-03-09T06:00:00.000Z",
    );
  });

  it("re-enters in the repeated 1 a.m. hour in November", () => {
    // 2026-11-01 02:00 EDT falls back to 01:00 EST at 06:00Z.
    expect(next("2026-11-01T05:40:00.000Z", everyDay("01:00", "01:30"), tz)).toBe(
      "2026-11-01T06:00:00.000Z",
    );
    expect(next("2026-11-01T04:00:00.000Z", everyDay("01:00", "01:30"), tz)).toBe(
      "2026-11-01T05:00:00.000Z",
    );
  });
});

describe("nextWindowStart in Pacific/Auckland", () => {
  const tz = "Pacific/Auckland";

  it("works a day ahead of UTC in summer time", () => {
    // Friday 2026-01-09 17:00 NZDT (+13) → Monday 2026-01-12 09:00 NZDT = Sunday 20:00Z.
    expect(next("2026-01-09T04:00:00.000Z", weekdays, tz)).toBe("2026-01-11T20:00:00.000Z");
  });

  it("crosses the April end of daylight saving", () => {
    // 2026-04-05 03:00 NZDT falls back to 02:00 NZST: Monday 09:00 is +12 → 21:00Z Sunday.
    expect(next("2026-04-03T04:00:00.000Z", weekdays, tz)).toBe("2026-04-05T21:00:00.000Z");
  });

  it("crosses the September start of daylight saving", () => {
    // 2026-09-27 02:00 NZST jumps to 03:00 NZDT: Monday 09:00 is +13 → 20:00Z Sunday.
    expect(next("2026-09-25T05:00:00.000Z", weekdays, tz)).toBe("2026-09-27T20:00:00.000Z");
  });
});

describe("nextWindowStart is the first instant in the window", () => {
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"];
  const windows: SendWindow[] = [
    weekdays,
    everyDay("02:00", "02:30"),
    { days: [7], start: "01:15", end: "03:45" },
    { days: [2, 4], start: "23:00", end: "23:59" },
  ];
  // Instants around both DST changes of 2026 in the north and the south.
  const starts = [
    "2026-03-07T20:17:00Z",
    "2026-03-28T23:41:00Z",
    "2026-04-04T11:03:00Z",
    "2026-09-26T09:59:00Z",
    "2026-10-24T19:29:00Z",
    "2026-10-31T22:13:00Z",
  ];

  it("never returns an instant outside the window nor skips an earlier one", () => {
    for (const tz of zones) {
      for (const window of windows) {
        for (const iso of starts) {
          const earliest = new Date(iso);
          const found = nextWindowStart(earliest, window, tz);
          expect(found.getTime()).toBeGreaterThanOrEqual(earliest.getTime());
          expect(isInWindow(found, window, tz)).toBe(true);
          for (let t = earliest.getTime(); t < found.getTime(); t += 60_000) {
            if (isInWindow(new Date(t), window, tz)) {
              throw new Error(
                `${tz} ${JSON.stringify(window)} from ${iso}: ${new Date(t)} is earlier`,
              );
            }
          }
        }
      }
    }
  });
});

describe("time-zone helpers", () => {
  it("reads wall-clock time, weekday and offset", () => {
    expect(localTime(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toMatchObject({
      hour: 12,
      weekday: 3,
    });
    expect(offsetAt(new Date("2026-01-15T00:00:00Z"), "America/New_York")).toBe(-5 * 3600_000);
    expect(offsetAt(new Date("2026-07-15T00:00:00Z"), "America/New_York")).toBe(-4 * 3600_000);
  });

  it("knows a real zone from junk", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
  });
});
