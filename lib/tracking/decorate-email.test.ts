import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { PREVIEW_UNSUBSCRIBE_URL } from "@/lib/templates/render-for-lead";
import { decorateCampaignEmail, unsubscribeUrlFor } from "./decorate-email";
import { verifyClickToken, verifyOpenToken, verifyUnsubscribeToken } from "./tracking-tokens";

const claims = {
  organizationId: "01936f6e-0000-7000-8000-000000000001",
  leadId: "01936f6e-0000-7000-8000-000000000002",
  messageId: "01936f6e-0000-7000-8000-000000000003",
};

const html = `<html><body>
<p>Hi <a href="https://example.com/pricing?a=1&amp;b=2">pricing</a></p>
<p><a href='http://example.org/x'>single quoted</a> <a href="mailto:me@example.com">mail</a>
<a href="#top">top</a> <a data-href="https://example.net" href="https://example.net/y">y</a></p>
<p><a href="${PREVIEW_UNSUBSCRIBE_URL}">Unsubscribe</a></p>
</body></html>`;

function tokenAfter(prefix: string, source: string): string[] {
  const re = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([A-Za-z0-9_.-]+)`, "g");
  return [...source.matchAll(re)].map((m) => m[1]!);
}

describe("decorateCampaignEmail", () => {
  it("puts the recipient's unsubscribe link where the template had {{unsubscribeUrl}}", () => {
    const out = decorateCampaignEmail({
      ...claims,
      html,
      text: `Bye: ${PREVIEW_UNSUBSCRIBE_URL}`,
      trackOpens: false,
      trackClicks: false,
    });
    expect(out.unsubscribeUrl).toBe(unsubscribeUrlFor(claims));
    expect(out.unsubscribeUrl.startsWith(`${env.appUrl}/unsubscribe/`)).toBe(true);
    expect(out.html).toContain(`href="${out.unsubscribeUrl}"`);
    expect(out.html).not.toContain(PREVIEW_UNSUBSCRIBE_URL);
    expect(out.text).toBe(`Bye: ${out.unsubscribeUrl}`);
    const [token] = tokenAfter(`${env.appUrl}/unsubscribe/`, out.unsubscribeUrl);
    expect(verifyUnsubscribeToken(token!)).toEqual(claims);
    // Untracked: links untouched, no pixel.
    expect(out.html).toContain('href="https://example.com/pricing?a=1&amp;b=2"');
    expect(out.html).not.toContain("/t/o/");
  });

  it("always adds RFC 8058 one-click headers with an https and a mailto target", () => {
    const out = decorateCampaignEmail({
      ...claims,
      html: "<p>x</p>",
      text: null,
      trackOpens: false,
      trackClicks: false,
    });
    expect(out.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const header = out.headers["List-Unsubscribe"]!;
    expect(header).toMatch(
      /^<https?:\/\/[^>]+\/unsubscribe\/[^>]+>, <mailto:unsubscribe@[^?>]+\?subject=unsubscribe-[^>]+>$/,
    );
    expect(header).toContain(`<${out.unsubscribeUrl}>`);
    expect(header).toContain("mailto:unsubscribe@leadline.local?");
    expect(out.text).toBeNull();
  });

  it("rewrites http(s) links to signed click redirects, never mailto, anchors or unsubscribe", () => {
    const out = decorateCampaignEmail({
      ...claims,
      html,
      text: null,
      trackOpens: false,
      trackClicks: true,
    });
    const tokens = tokenAfter(`${env.appUrl}/t/c/`, out.html);
    expect(tokens.map((t) => verifyClickToken(t)?.url)).toEqual([
      "https://example.com/pricing?a=1&b=2",
      "http://example.org/x",
      "https://example.net/y",
    ]);
    expect(verifyClickToken(tokens[0]!)).toMatchObject(claims);
    expect(out.html).toContain("href='" + env.appUrl + "/t/c/");
    expect(out.html).toContain('href="mailto:me@example.com"');
    expect(out.html).toContain('href="#top"');
    expect(out.html).toContain('data-href="https://example.net"');
    expect(out.html).toContain(`href="${out.unsubscribeUrl}"`);
  });

  it("appends a 1×1 open pixel inside the body", () => {
    const out = decorateCampaignEmail({
      ...claims,
      html,
      text: null,
      trackOpens: true,
      trackClicks: false,
    });
    const [token] = tokenAfter(`${env.appUrl}/t/o/`, out.html);
    expect(verifyOpenToken(token!)).toEqual(claims);
    expect(out.html).toMatch(
      /<img src="[^"]+\/t\/o\/[^"]+" width="1" height="1" alt=""[^>]*\/><\/body>/,
    );
    const fragment = decorateCampaignEmail({
      ...claims,
      html: "<p>no body tag</p>",
      text: null,
      trackOpens: true,
      trackClicks: false,
    });
    expect(fragment.html).toMatch(/^<p>no body tag<\/p><img src=/);
  });
});
