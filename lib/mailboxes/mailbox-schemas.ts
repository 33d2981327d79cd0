import { z } from "zod";
import { EMAIL_TRANSPORTS, MAILBOX_STATUSES } from "@/db/schema";

const email = z.string().trim().toLowerCase().pipe(z.email("Invalid email address"));

/** Transports a mailbox can send through today. */
export const SENDING_TRANSPORTS = ["local_outbox", "resend", "smtp"] as const;

/** The fields of a mailbox a client sets. */
const mailboxFields = {
  name: z.string().trim().min(1, "Name the mailbox").max(100),
  fromName: z.string().trim().min(1, "Say who the mail is from").max(100),
  fromAddress: email,
  replyTo: email.nullable(),
  signatureHtml: z.string().max(10_000).nullable(),
  dailyCap: z.number().int().min(1).max(100_000),
  hourlyCap: z.number().int().min(1).max(10_000),
  transport: z.enum(SENDING_TRANSPORTS).meta({
    description:
      "local_outbox (kept in the app), resend (needs RESEND_API_KEY) or smtp (smtp* fields)",
  }),
  smtpHost: z.string().trim().min(1).max(255).nullable(),
  smtpPort: z.number().int().min(1).max(65_535).nullable(),
  smtpSecure: z
    .boolean()
    .nullable()
    .meta({ description: "TLS from the start (465); else STARTTLS" }),
  smtpUsername: z.string().trim().min(1).max(255).nullable(),
  smtpPassword: z.string().min(1).max(500).nullable().meta({
    description: "Write-only: stored encrypted, never returned (see smtpPasswordSet)",
  }),
  isDefault: z.boolean(),
  status: z.enum(MAILBOX_STATUSES),
};

export const createMailboxInput = z
  .strictObject(mailboxFields)
  .partial()
  .required({ name: true, fromName: true, fromAddress: true })
  .meta({ id: "CreateMailbox" });
export type CreateMailboxInput = z.infer<typeof createMailboxInput>;

export const updateMailboxInput = z
  .strictObject(mailboxFields)
  .partial()
  .meta({ id: "UpdateMailbox" });
export type UpdateMailboxInput = z.infer<typeof updateMailboxInput>;

export const mailboxSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fromName: z.string(),
    fromAddress: z.string(),
    replyTo: z.string().nullable(),
    signatureHtml: z.string().nullable(),
    dailyCap: z.number().int(),
    hourlyCap: z.number().int(),
    transport: z.enum(EMAIL_TRANSPORTS),
    smtpHost: z.string().nullable(),
    smtpPort: z.number().int().nullable(),
    smtpSecure: z.boolean().nullable(),
    smtpUsername: z.string().nullable(),
    smtpPasswordSet: z.boolean(),
    isDefault: z.boolean(),
    status: z.enum(MAILBOX_STATUSES),
    pausedReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Mailbox" });
export type Mailbox = z.infer<typeof mailboxSchema>;

export const emailSettingsSchema = z
  .object({
    trackOpens: z.boolean(),
    trackClicks: z.boolean(),
    postalAddress: z.string().nullable(),
    unsubscribeText: z.string().nullable(),
    defaultMailboxId: z.uuid().nullable(),
    inboundAddress: z.email().nullable().meta({
      description:
        "An address whose mail reaches the inbound webhook; replies then carry a token naming their thread",
    }),
  })
  .meta({ id: "EmailSettings" });

export const updateEmailSettingsInput = z
  .strictObject({
    trackOpens: z.boolean(),
    trackClicks: z.boolean(),
    postalAddress: z.string().trim().max(500).nullable(),
    unsubscribeText: z.string().trim().max(500).nullable(),
    defaultMailboxId: z.uuid().nullable(),
    inboundAddress: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email())
      .refine((a) => !a.split("@")[0]!.includes("+"), "Give the address without a +tag")
      .nullable(),
  })
  .partial()
  .meta({ id: "UpdateEmailSettings" });

export const inboundEmailSetupSchema = z
  .object({
    webhookUrl: z.string().meta({ description: "Where a provider posts inbound mail" }),
    secret: z.string().meta({
      description:
        "This organization's secret for raw MIME posts (Authorization: Bearer …); mail posted with it always lands in this organization",
    }),
    inboundAddress: z.string().nullable(),
    resendSigned: z.boolean().meta({
      description:
        "Resend's signed email.received events are accepted (RESEND_WEBHOOK_SECRET is set)",
    }),
  })
  .meta({ id: "InboundEmailSetup" });
