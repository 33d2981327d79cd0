/** The activity counts the people reports return, in the order the charts stack them. */
export const ACTIVITY = [
  ["calls", "Calls"],
  ["emails", "Emails"],
  ["followUps", "Follow-ups"],
  ["meetings", "Meetings"],
  ["notes", "Notes"],
  ["logins", "Sign-ins"],
] as const;

/** One logged act (user_activities.kind) as a phrase. */
export const ACT_LABEL: Record<string, string> = {
  login: "Signed in",
  call: "Call",
  email: "Email sent",
  follow_up: "Follow-up",
  meeting: "Meeting",
  note: "Note",
};

/** The Team tab's URL with one member's activity open (or closed: null), filters kept. */
export function memberHref(pathname: string, search: string, memberId: string | null): string {
  const q = new URLSearchParams(search);
  if (memberId) q.set("member", memberId);
  else q.delete("member");
  const qs = q.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
