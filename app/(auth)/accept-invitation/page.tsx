import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { previewInvitation } from "@/lib/users/accept-invitation";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  let invitation;
  try {
    invitation = await previewInvitation(await getDb(), token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Alert tone="error">
        This invitation is invalid, used, revoked or expired. Ask for a new one.
      </Alert>
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation} />;
}
