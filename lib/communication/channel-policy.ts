import type { Channel, ConsentState } from "@/db/schema";
import type { ErrorCode } from "@/lib/errors";
import { providerProblem, type ProviderName, type ProviderRow } from "./provider-accounts";

export interface PolicyLead {
  email: string | null;
  phone: string | null;
  doNotContact: boolean;
  unsubscribed: boolean;
}

export interface PolicyLeadPreferences {
  consent: Partial<Record<Channel, ConsentState>>;
  whatsappNumber: string | null;
  telegramChatId: string | null;
}

export interface OrganizationSetup {
  /** Null: never restricted, every channel may be used. */
  enabledChannels: Channel[] | null;
  consent: Partial<Record<Channel, ConsentState>>;
  providers: Partial<Record<ProviderName, ProviderRow>>;
  hasMailbox: boolean;
}

export type ChannelDecision =
  | { ok: true; to: string; consent: ConsentState }
  | { ok: false; code: ErrorCode; reason: string; to: string | null; consent: ConsentState };

/** Whether the organization can use a channel at all, whoever the lead. */
export function organizationProblem(setup: OrganizationSetup, channel: Channel): string | null {
  if (setup.enabledChannels && !setup.enabledChannels.includes(channel)) {
    return `The ${channel} channel is turned off in the organization's communication preferences.`;
  }
  if (channel === "email") {
    return setup.hasMailbox ? null : "No mailbox to send email from: add one in Settings → Email.";
  }
  return providerProblem(setup.providers, channel);
}

/** The lead's address on a channel. */
export function addressOn(
  channel: Channel,
  lead: PolicyLead,
  prefs: PolicyLeadPreferences | null,
): string | null {
  switch (channel) {
    case "email":
      return lead.email;
    case "sms":
    case "voice":
      return lead.phone;
    case "whatsapp":
      return prefs?.whatsappNumber ?? lead.phone;
    case "telegram":
      return prefs?.telegramChatId ?? null;
  }
}

/**
 * The one rule for whether a message may go to a lead on a channel, used by the single send,
 * every lead of a bulk send and the lead's preference screen alike. In order: the organization
 * can use the channel; the lead isn't do-not-contact; an email unsubscribe stops email; consent
 * (the lead's, else the organization's assumption) isn't denied; the lead has an address there.
 */
export function decideChannel(
  channel: Channel,
  setup: OrganizationSetup,
  lead: PolicyLead,
  prefs: PolicyLeadPreferences | null,
): ChannelDecision {
  const consent = prefs?.consent[channel] ?? setup.consent[channel] ?? "unknown";
  const to = addressOn(channel, lead, prefs);
  const no = (code: ErrorCode, reason: string): ChannelDecision => ({
    ok: false,
    code,
    reason,
    to,
    consent,
  });
  const orgProblem = organizationProblem(setup, channel);
  if (orgProblem) return no("channel_not_configured", orgProblem);
  if (lead.doNotContact) return no("do_not_contact", "The lead is marked do not contact.");
  if (channel === "email" && lead.unsubscribed) {
    return no("unsubscribed", "The lead unsubscribed from email.");
  }
  if (consent === "denied") {
    return no(
      "consent_denied",
      prefs?.consent[channel] === "denied"
        ? `The lead declined ${channel} messages.`
        : `The organization requires the lead's consent for ${channel}, and it hasn't been given.`,
    );
  }
  if (!to) {
    const what = {
      email: "an email address",
      sms: "a phone number",
      voice: "a phone number",
      whatsapp: "a WhatsApp number or phone number",
      telegram: "a Telegram chat id",
    }[channel];
    return no("no_channel_address", `The lead has no ${what}.`);
  }
  return { ok: true, to, consent };
}
