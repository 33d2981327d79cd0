import { describe, expect, it } from "vitest";
import { fromHeader } from "./from-header";

describe("fromHeader", () => {
  it("quotes the name so commas, quotes and line breaks can't split or inject headers", () => {
    expect(fromHeader("Smith, Jane", "jane@example.com")).toBe('"Smith, Jane" <jane@example.com>');
    expect(fromHeader('Ann "A" \\ B', "a@example.com")).toBe(
      '"Ann \\"A\\" \\\\ B" <a@example.com>',
    );
    expect(fromHeader("Evil\r\nBcc: x@y.z", "e@example.com")).toBe(
      '"Evil Bcc: x@y.z" <e@example.com>',
    );
    expect(fromHeader("  ", "plain@example.com")).toBe("plain@example.com");
  });
});
