import { transactionalEmail } from "./layout";

export function passwordResetEmail(input: { name: string; url: string; expiresInMinutes: number }) {
  return {
    subject: "Reset your Leadline password",
    ...transactionalEmail({
      heading: "Reset your password",
      paragraphs: [
        `Hi ${input.name || "there"},`,
        `Someone asked to reset the password of your Leadline account. The link works once, for ${input.expiresInMinutes} minutes.`,
      ],
      action: { label: "Choose a new password", url: input.url },
      footer: "If you didn't ask for this, ignore this email: your password stays as it is.",
    }),
  };
}
