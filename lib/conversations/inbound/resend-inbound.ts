import { Resend } from "resend";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Resend's `email.received` webhook carries only the envelope; the message itself is fetched
 * through the SDK (GET /emails/receiving/{id}) — the original MIME from its raw download link when
 * Resend offers one, else rebuilt from the parsed parts it returns (headers, text, html).
 */
export async function fetchResendInboundMime(emailId: string): Promise<string> {
  if (!env.RESEND_API_KEY) {
    throw new AppError(
      "service_unavailable",
      "Receiving mail through Resend needs RESEND_API_KEY to fetch the message",
    );
  }
  const resend = new Resend(
    env.RESEND_API_KEY,
    env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined,
  );
  const { data, error } = await resend.emails.receiving.get(emailId);
  if (error || !data) {
    // A transient failure: the webhook answers 5xx-free but not 2xx, so Resend delivers again.
    throw new AppError(
      "service_unavailable",
      `Could not fetch the received email: ${error?.message ?? "no data"}`,
    );
  }
  if (data.raw?.download_url) {
    const response = await fetch(data.raw.download_url);
    if (response.ok) return response.text();
  }
  return rebuildMime(data);
}

const fold = (value: string) => value.replace(/\r?\n/g, " ");

function rebuildMime(data: {
  from: string;
  to: string[];
  subject: string;
  message_id: string;
  created_at: string;
  headers: Record<string, string> | null;
  text: string | null;
  html: string | null;
}): string {
  const headers: Record<string, string> = {
    From: data.from,
    To: data.to.join(", "),
    Subject: data.subject,
    "Message-ID": data.message_id,
    Date: new Date(data.created_at).toUTCString(),
  };
  for (const [name, value] of Object.entries(data.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower.startsWith("content-") || lower === "mime-version") continue;
    headers[name] = value;
  }
  const boundary = `leadline-${crypto.randomUUID()}`;
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${fold(v)}`)
    .join("\r\n");
  const parts = [
    data.text !== null ? `Content-Type: text/plain; charset=utf-8\r\n\r\n${data.text}` : null,
    data.html !== null ? `Content-Type: text/html; charset=utf-8\r\n\r\n${data.html}` : null,
  ].filter(Boolean);
  return `${head}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n${parts
    .map((p) => `--${boundary}\r\n${p}\r\n`)
    .join("")}--${boundary}--\r\n`;
}
