import { describe, expect, it } from "vitest";
import { contentDisposition, safeContentType, safeFileName } from "./download-response";

describe("download headers", () => {
  it("keeps a plain ASCII name as a quoted filename only", () => {
    expect(contentDisposition("report 2026-03.csv")).toBe(
      'attachment; filename="report 2026-03.csv"',
    );
  });

  it("adds filename* in UTF-8 for other names, with RFC 5987's reserved characters escaped", () => {
    expect(contentDisposition("Отчёт (итог)'s*.pdf")).toBe(
      `attachment; filename="_____ (____)'s*.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29%27s%2A.pdf`,
    );
  });

  it("drops control characters, path separators and leading dots; never leaves a name empty", () => {
    expect(safeFileName("..\\..\\boot.ini")).toBe("_.._boot.ini");
    expect(safeFileName("a\r\nb\u0000c\u0085.txt")).toBe("abc.txt");
    expect(safeFileName("  ")).toBe("attachment");
    expect(safeFileName("...")).toBe("attachment");
    expect(contentDisposition('say "hi".txt')).toBe(
      `attachment; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt`,
    );
  });

  it("passes well-formed media types and replaces anything else with a byte stream", () => {
    expect(safeContentType("text/csv; charset=utf-8")).toBe("text/csv; charset=utf-8");
    expect(
      safeContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(safeContentType('text/plain; name="a b"')).toBe('text/plain; name="a b"');
    for (const bad of ["", "csv", "text/html\r\nSet-Cookie: a=b", "text/plain; charset", "a/b c"]) {
      expect(safeContentType(bad), bad).toBe("application/octet-stream");
    }
  });
});
