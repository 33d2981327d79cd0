"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { hardNavigate } from "@/lib/client/hard-navigate";

export interface InvitationPreview {
  email: string;
  organization: { name: string };
  role: string;
  accountExists: boolean;
}

export function AcceptInvitationForm({
  token,
  invitation,
}: {
  token: string;
  invitation: InvitationPreview;
}) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    setPending(true);
    setError(undefined);
    try {
      const session = await apiFetch<{ organization: { id: string } }>("/auth/accept-invitation", {
        body: { token, password, name: String(form.get("name") ?? "").trim() || undefined },
      });
      await signIn("credentials", {
        email: invitation.email,
        password,
        organizationId: session.organization.id,
        redirect: false,
      });
      hardNavigate("/");
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold">Join {invitation.organization.name}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You&apos;re invited as <strong>{invitation.role.replace("_", " ")}</strong> with{" "}
        {invitation.email}.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {!invitation.accountExists && <Field label="Your name" name="name" autoComplete="name" />}
      <Field
        label={invitation.accountExists ? "Your Leadline password" : "Choose a password"}
        name="password"
        type="password"
        autoComplete={invitation.accountExists ? "current-password" : "new-password"}
        minLength={8}
        maxLength={128}
        required
      />
      <Button type="submit" className="w-full" loading={pending}>
        Accept and continue
      </Button>
    </form>
  );
}
