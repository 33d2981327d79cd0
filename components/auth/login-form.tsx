"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { hardNavigate } from "@/lib/client/hard-navigate";

function describe(error: string): string {
  if (error.startsWith("rate_limited")) {
    const seconds = Number(error.split(":")[1] ?? 60);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error === "invalid_credentials" || error === "CredentialsSignin")
    return "Invalid email or password.";
  return "Sign-in failed. Please try again.";
}

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(describe(result?.error ?? ""));
      return;
    }
    hardNavigate(callbackUrl);
  }

  return (
    // method="post": a submit before hydration must not put the password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <h1 className="text-xl font-semibold">Sign in</h1>
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
      <div className="flex justify-between text-sm">
        <Link
          href="/forgot-password"
          className="text-brand-600 hover:underline dark:text-brand-500"
        >
          Forgot password?
        </Link>
        <Link href="/signup" className="text-brand-600 hover:underline dark:text-brand-500">
          Create an account
        </Link>
      </div>
    </form>
  );
}
