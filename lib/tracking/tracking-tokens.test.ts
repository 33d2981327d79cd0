import { describe, expect, it } from "vitest";
import {
  clickToken,
  openToken,
  unsubscribeToken,
  verifyClickToken,
  verifyOpenToken,
  verifyUnsubscribeToken,
} from "./tracking-tokens";

const claims = {
  organizationId: "01936f6e-0000-7000-8000-00000000000a",
  leadId: "01936f6e-0000-7000-8000-00000000000b",
  messageId: "01936f6e-0000-7000-8000-00000000000c",
};

function flipChar(token: string, index: number): string {
  const c = token[index]!;
  return token.slice(0, index) + (c === "A" ? "B" : "A") + token.slice(index + 1);
}

describe("tracking tokens", () => {
  it("round-trip and are URL-safe and deterministic", () => {
    const open = openToken(claims);
    expect(open).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{32}$/);
    expect(openToken(claims)).toBe(open);
    expect(verifyOpenToken(open)).toEqual(claims);
    expect(verifyUnsubscribeToken(unsubscribeToken(claims))).toEqual(claims);
    const click = clickToken(claims, "https://example.com/a?b=c&d=é");
    expect(click).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{32}$/);
    expect(verifyClickToken(click)).toEqual({ ...claims, url: "https://example.com/a?b=c&d=é" });
  });

  it("reject any altered payload or signature", () => {
    const click = clickToken(claims, "https://example.com/");
    const dot = click.indexOf(".");
    for (const i of [0, 5, dot - 1, dot + 1, click.length - 1]) {
      if (i === dot) continue;
      expect(verifyClickToken(flipChar(click, i))).toBeNull();
    }
    // Swap in another URL under the original signature: an open redirect attempt.
    const forged = `${clickToken(claims, "https://evil.example/").split(".")[0]}.${click.split(".")[1]}`;
    expect(verifyClickToken(forged)).toBeNull();
    for (const junk of ["", ".", "abc", "a.b.c", "💥.00", `${click}.x`, "x".repeat(5000)]) {
      expect(verifyClickToken(junk)).toBeNull();
      expect(verifyOpenToken(junk)).toBeNull();
      expect(verifyUnsubscribeToken(junk)).toBeNull();
    }
  });

  it("are not interchangeable between kinds", () => {
    expect(verifyClickToken(openToken(claims))).toBeNull();
    expect(verifyUnsubscribeToken(openToken(claims))).toBeNull();
    expect(verifyOpenToken(unsubscribeToken(claims))).toBeNull();
    expect(verifyOpenToken(clickToken(claims, "https://example.com/"))).toBeNull();
  });

  it("never carry a non-http target even when signed", () => {
    expect(verifyClickToken(clickToken(claims, "javascript:alert(1)"))).toBeNull();
    expect(verifyClickToken(clickToken(claims, "data:text/html,hi"))).toBeNull();
  });
});
