"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text input bound to a URL parameter: what is typed shows at once, the URL (and so the
 * request) follows after a pause, and a URL change from elsewhere (back button, a saved view)
 * replaces what the box shows.
 */
export function useDebouncedParam(urlValue: string, commit: (value: string) => void, delay = 300) {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // Adjusting state while rendering (not in an effect) keeps the box and the URL in one paint.
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== text.trim()) setText(urlValue);
  }

  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commitRef.current(value.trim()), delay);
  };
  /** Commit now (Enter), skipping the wait. */
  const flush = () => {
    clearTimeout(timer.current);
    commitRef.current(text.trim());
  };
  return { text, onChange, flush };
}
