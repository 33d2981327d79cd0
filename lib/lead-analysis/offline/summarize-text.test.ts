import { describe, expect, it } from "vitest";
import { summarizeTextOffline } from "./summarize-text";

describe("summarizeTextOffline", () => {
  it("keeps the key sentences in order and drops the quoted history and the signature", () => {
    const text = `Hi Tom,

thanks for the demo yesterday. Our team of 40 agents liked the routing rules. We need the pricing for 40 seats and the SSO option. Can you send a quote by Friday? The weather in Berlin is grey today.

Best regards
Anna Schmidt

On Mon, 3 Mar 2025 Tom wrote:
> Hi Anna, here is the recording of our demo.`;
    const { summary, bullets } = summarizeTextOffline(text, 3);
    expect(bullets).toHaveLength(3);
    expect(bullets).toContain("Can you send a quote by Friday?");
    expect(bullets.join(" ")).not.toMatch(/recording|Anna Schmidt/);
    expect(summary.length).toBeGreaterThan(0);
    expect(text.replace(/\s+/g, " ")).toContain(bullets[0]!);
  });

  it("returns the text itself when it has no sentence to pick", () => {
    expect(summarizeTextOffline("ok")).toEqual({ summary: "ok", bullets: [] });
  });
});
