import { getEmailSettings, updateEmailSettings } from "@/lib/mailboxes/email-settings";
import { emailSettingsSchema, updateEmailSettingsInput } from "@/lib/mailboxes/mailbox-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/settings/email — tracking, compliance footer and the default mailbox
export const GET = route(
  {
    summary: "Email settings",
    tags: ["Email"],
    auth: "email_settings:read",
    responses: { 200: { description: "The settings", schema: emailSettingsSchema } },
  },
  ({ ctx }) => getEmailSettings(ctx),
);

// PUT /api/v1/settings/email — change the email settings (fields left out stay as they are)
export const PUT = route(
  {
    summary: "Update email settings",
    tags: ["Email"],
    auth: "email_settings:write",
    body: updateEmailSettingsInput,
    responses: { 200: { description: "The settings", schema: emailSettingsSchema } },
  },
  ({ ctx, body }) => updateEmailSettings(ctx, body),
);
