"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A read-only value with a Copy button (and Show/Hide when it is a secret). */
export function CopyField({
  label,
  value,
  secret,
}: {
  label: string;
  value: string;
  secret?: boolean;
}) {
  const id = useId();
  const [shown, setShown] = useState(!secret);
  const [copied, setCopied] = useState<"yes" | "failed">();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context or permission; the value can still be selected.
      setCopied("failed");
    }
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          type={shown ? "text" : "password"}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono`}
        />
        {secret && (
          <Button
            variant="secondary"
            aria-label={`${shown ? "Hide" : "Show"} ${label}`}
            onClick={() => setShown((v) => !v)}
          >
            {shown ? "Hide" : "Show"}
          </Button>
        )}
        <Button variant="secondary" aria-label={`Copy ${label}`} onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {copied === "yes"
          ? "Copied."
          : copied === "failed"
            ? "Couldn't copy: select the text and copy it."
            : ""}
      </p>
    </div>
  );
}
