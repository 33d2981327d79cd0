"use client";

import { useState } from "react";

/**
 * The text of a number box bound to a numeric value: the user may pass through states that are
 * not numbers yet ("", "-"), and only real numbers reach `onValue`. When the value changes from
 * outside (discard, edit dialog), the text follows.
 */
export function useNumberText(value: number, onValue: (n: number) => void) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (Number(text) !== value || text.trim() === "") setText(String(value));
  }
  return {
    value: text,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setText(e.target.value);
      const n = Number(e.target.value);
      if (e.target.value.trim() !== "" && Number.isFinite(n)) onValue(n);
    },
  };
}
