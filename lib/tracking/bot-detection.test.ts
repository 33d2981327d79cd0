import { describe, expect, it } from "vitest";
import { isBotUserAgent, isMachineEngagement, MACHINE_REACTION_WINDOW_MS } from "./bot-detection";

describe("bot detection", () => {
  it("flags scanners, privacy prefetch, previews and scripts", () => {
    for (const ua of [
      "",
      null,
      "Mozilla/5.0",
      "Barracuda Sentinel (EE)",
      "Mozilla/5.0 (compatible; Mimecast)",
      "Proofpoint URL Defense",
      "Mozilla/5.0 (compatible; SafeLinks)",
      "Mozilla/5.0 (Windows NT 10.0) HeadlessChrome/120.0",
      "curl/8.4.0",
      "python-requests/2.31.0",
      "Go-http-client/1.1",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1",
    ]) {
      expect(isBotUserAgent(ua), String(ua)).toBe(true);
    }
  });

  it("lets mail clients, browsers and Gmail's image proxy through", () => {
    for (const ua of [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17029; Pro)",
      "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
      "Thunderbird/115.0",
    ]) {
      expect(isBotUserAgent(ua), ua).toBe(false);
    }
  });

  it("treats a reaction within seconds of sending as a machine", () => {
    const sentAt = new Date("2026-03-01T10:00:00Z");
    const human = "Thunderbird/115.0";
    const soon = new Date(sentAt.getTime() + MACHINE_REACTION_WINDOW_MS - 1);
    const later = new Date(sentAt.getTime() + MACHINE_REACTION_WINDOW_MS);
    expect(isMachineEngagement({ userAgent: human, sentAt, at: soon })).toBe(true);
    expect(isMachineEngagement({ userAgent: human, sentAt, at: later })).toBe(false);
    expect(isMachineEngagement({ userAgent: human, sentAt: null, at: soon })).toBe(false);
    expect(isMachineEngagement({ userAgent: "curl/8", sentAt: null, at: later })).toBe(true);
  });
});
