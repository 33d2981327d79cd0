import type { Metadata } from "next";
import { ProfileSettings } from "@/components/settings/profile-settings";
import { requirePageCtx } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const member = (await requirePageCtx()).auth.member!;
  return <ProfileSettings name={member.name} email={member.email} />;
}
