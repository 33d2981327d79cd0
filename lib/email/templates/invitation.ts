import { transactionalEmail } from "./layout";

export function invitationEmail(input: {
  organizationName: string;
  inviterName: string;
  role: string;
  url: string;
}) {
  return {
    subject: `You're invited to ${input.organizationName} on Leadline`,
    ...transactionalEmail({
      heading: `Join ${input.organizationName} on Leadline`,
      paragraphs: [
        `${input.inviterName} invited you to join ${input.organizationName} as ${input.role.replace("_", " ")}.`,
        "Leadline is where the team works its leads and outreach.",
      ],
      action: { label: "Accept the invitation", url: input.url },
      footer:
        "The invitation expires in 7 days. If you weren't expecting it, you can ignore this email.",
    }),
  };
}
