import nodemailer from "nodemailer";
import { PermanentSendError, type EmailTransport } from "./types";

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  username: string;
  password: string;
}

/**
 * SMTP through nodemailer, for teams sending from their own mail servers. SMTP has no
 * idempotency key, so a message is only handed over once it is still `queued` (deliverEmail) and
 * carries a Message-ID derived from our id, which lets receiving servers drop a duplicate.
 * 5xx replies (bad recipient, refused login) won't change on retry; everything else is retried.
 */
export function smtpTransport(config: SmtpConfig): EmailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.username, pass: config.password },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transporter.sendMail({
          // `<id@leadline>`, or `<id.rN@leadline>` for a resend: a new Message-ID, or the
          // receiving server drops it as the duplicate of the attempt that bounced.
          messageId: `<${message.idempotencyKey ?? message.id}@leadline>`,
          from: message.from,
          to: message.to,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject,
          html: message.html ?? undefined,
          text: message.text ?? undefined,
          headers: message.headers,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content),
            contentType: a.contentType,
          })),
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const text = error instanceof Error ? error.message : String(error);
        if (code !== undefined && code >= 500)
          throw new PermanentSendError(`SMTP ${code}: ${text}`);
        throw new Error(`SMTP: ${text}`);
      } finally {
        transporter.close();
      }
    },
  };
}
