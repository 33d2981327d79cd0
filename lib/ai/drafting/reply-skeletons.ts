import type { ReplyCategory } from "../reply-classification";

/**
 * Built-in replies for offline mode when the organization has no template that fits: short,
 * plain answers per reply category written with template variables, so they are filled with the
 * lead's and sender's details. Each category has up to three, the first being the full draft; the
 * rest are the alternatives offered as suggestions. Nothing in them promises a fact about the
 * product — where only the rep knows the answer, the skeleton says they will follow up.
 */
export interface ReplySkeleton {
  key: string;
  label: string;
  intent: string;
  text: string;
}

const SIGN_OFF = "\n\nBest regards,\n{{sender.name}}";
const HI = "Hi {{firstName|there}},\n\n";

export const REPLY_SKELETONS: Record<ReplyCategory, ReplySkeleton[]> = {
  interested: [
    {
      key: "interested.next_step",
      label: "Propose a short call",
      intent: "propose_call",
      text: `${HI}Great to hear from you, and thanks for the interest. Would a 20-minute call this week or next work to see whether we're a fit for {{company|your team}}? Let me know a couple of times that suit you.${SIGN_OFF}`,
    },
    {
      key: "interested.send_info",
      label: "Offer more details",
      intent: "send_info",
      text: `${HI}Thanks for getting back to me. I'll put together a short overview tailored to {{company|your team}} — is there anything in particular you'd like it to cover?${SIGN_OFF}`,
    },
    {
      key: "interested.ask_priorities",
      label: "Ask about priorities",
      intent: "qualify",
      text: `${HI}Glad this caught your eye. To make the next step useful: what is the main thing you'd want to improve right now?${SIGN_OFF}`,
    },
  ],
  meeting_request: [
    {
      key: "meeting_request.confirm",
      label: "Confirm and ask for times",
      intent: "schedule_meeting",
      text: `${HI}Happy to set up a meeting. Which days and times work best for you? I'll send a calendar invite as soon as you confirm.${SIGN_OFF}`,
    },
    {
      key: "meeting_request.propose",
      label: "Propose two slots",
      intent: "propose_times",
      text: `${HI}Thanks — let's talk. Would Tuesday or Thursday afternoon work for you? If neither suits, just suggest a time and I'll make it work.${SIGN_OFF}`,
    },
  ],
  question: [
    {
      key: "question.follow_up",
      label: "Promise a precise answer",
      intent: "answer_question",
      text: `${HI}Thanks for the question. I want to give you a precise answer, so let me check the details and get back to you shortly.${SIGN_OFF}`,
    },
    {
      key: "question.call",
      label: "Answer on a short call",
      intent: "propose_call",
      text: `${HI}Good question — it's easiest to answer with a couple of details about your setup at {{company|your company}}. Would a quick 15-minute call work this week?${SIGN_OFF}`,
    },
  ],
  not_interested: [
    {
      key: "not_interested.thanks",
      label: "Thank and close",
      intent: "close_politely",
      text: `${HI}Thanks for letting me know — I appreciate the quick reply. I won't follow up on this again. All the best to you and {{company|the team}}.${SIGN_OFF}`,
    },
    {
      key: "not_interested.later",
      label: "Ask to check back later",
      intent: "ask_later",
      text: `${HI}Understood, thanks for the honest answer. Would it be all right if I checked back in a few months, in case things change?${SIGN_OFF}`,
    },
  ],
  unsubscribe: [
    {
      key: "unsubscribe.confirm",
      label: "Confirm the removal",
      intent: "confirm_unsubscribe",
      text: `${HI}Understood — you won't receive any further emails from us. Sorry for the interruption.${SIGN_OFF}`,
    },
  ],
  out_of_office: [
    {
      key: "out_of_office.later",
      label: "Follow up after the return",
      intent: "follow_up_later",
      text: `${HI}I'll follow up once you're back — no need to reply to this in the meantime.${SIGN_OFF}`,
    },
  ],
  wrong_person: [
    {
      key: "wrong_person.referral",
      label: "Thank and ask for the right contact",
      intent: "ask_referral",
      text: `${HI}Thanks for letting me know, and sorry for the mix-up. Could you point me to the right person at {{company|your company}}? I'd be grateful for an introduction.${SIGN_OFF}`,
    },
    {
      key: "wrong_person.thanks",
      label: "Thank for the pointer",
      intent: "thank_referral",
      text: `${HI}Thanks for pointing me in the right direction — I'll reach out to them directly.${SIGN_OFF}`,
    },
  ],
  bounce: [],
  auto_reply: [],
  other: [
    {
      key: "other.acknowledge",
      label: "Acknowledge",
      intent: "acknowledge",
      text: `${HI}Thanks for your message. I'll get back to you shortly.${SIGN_OFF}`,
    },
    {
      key: "other.clarify",
      label: "Ask to clarify",
      intent: "clarify",
      text: `${HI}Thanks for getting back to me. Just to make sure I help in the right way — could you tell me a bit more about what you need?${SIGN_OFF}`,
    },
  ],
};

/** The skeletons for a category; machine answers (bounces, auto replies) get the generic ones. */
export function skeletonsFor(category: ReplyCategory | null): ReplySkeleton[] {
  const own = category ? REPLY_SKELETONS[category] : [];
  return own.length ? own : REPLY_SKELETONS.other;
}
