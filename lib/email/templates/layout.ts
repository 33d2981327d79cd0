/** Escape text for HTML email bodies. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A plain, accessible transactional email: one heading, paragraphs, one button. */
export function transactionalEmail(input: {
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}): { html: string; text: string } {
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(input.heading)}</h1>
${input.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(input.action.url)}" style="display:inline-block;background:#2453c7;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(input.action.label)}</a></p>
<p style="font-size:13px;color:#475569">Or paste this link into your browser: ${escapeHtml(input.action.url)}</p>
<p style="font-size:12px;color:#64748b">${escapeHtml(input.footer)}</p>
</body></html>`;
  const text = [
    input.heading,
    "",
    ...input.paragraphs,
    "",
    `${input.action.label}: ${input.action.url}`,
    "",
    input.footer,
  ].join("\n");
  return { html, text };
}
