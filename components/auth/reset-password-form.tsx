"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== String(form.get("confirm"))) {
      setError("The two passwords differ.");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await apiFetch("/auth/reset-password", { body: { token, password } });
      router.push("/login?notice=reset");
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }
  if (!token) return <Alert tone="error">This reset link is incomplete. Ask for a new one.</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {error && <Alert tone="error">{error}</Alert>}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <Field
        label="Repeat it"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" className="w-full" loading={pending}>
        Set password
      </Button>
    </form>
  );
}
