"use client";

import { useEffect, useState } from "react";

/** `value`, once it has stopped changing for `ms` — so typing sends one request, not ten. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
