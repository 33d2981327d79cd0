"use client";

import Link from "next/link";
import { ApiError } from "@/lib/client/api";

/** The id of the lead that already has this email, when the API refused a write as a duplicate. */
export function duplicateOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const id = error.problem.existingId;
  return typeof id === "string" ? id : null;
}

export function DuplicateNotice({ existingId }: { existingId: string }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      A lead with this email already exists.{" "}
      <Link
        href={`/leads/${existingId}`}
        className="font-medium underline underline-offset-2 hover:no-underline"
      >
        Open the existing lead
      </Link>
    </div>
  );
}
