import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  it("round-trips, never stores the plain text, and differs every time", () => {
    const a = encryptSecret("hunter2 — ünïcode");
    const b = encryptSecret("hunter2 — ünïcode");
    expect(a).not.toContain("hunter2");
    expect(a).not.toBe(b);
    expect(decryptSecret(a)).toBe("hunter2 — ünïcode");
  });

  it("refuses a tampered or foreign value", () => {
    const sealed = encryptSecret("secret");
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    expect(() => decryptSecret("plain text")).toThrow("Not an encrypted secret");
  });
});
