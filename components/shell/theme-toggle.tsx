"use client";

import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => (
  listeners.add(listener),
  () => listeners.delete(listener)
);
const isDark = () => document.documentElement.classList.contains("dark");

/** Light/dark switch; the choice is remembered, and the root layout applies it before paint. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  function toggle() {
    const next = !isDark();
    document.documentElement.classList.toggle("dark", next);
    localStorage.setItem("leadline-theme", next ? "dark" : "light");
    listeners.forEach((l) => l());
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden>{dark ? "☀" : "☾"}</span>
    </button>
  );
}
