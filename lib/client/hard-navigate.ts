"use client";

/**
 * A full page load, on purpose, after the session itself changes (sign-in, switching
 * organization, a dead session): every server component and client cache must start over with
 * the new identity, which a client-side transition would not guarantee.
 */
export function hardNavigate(path: string): void {
  window.location.assign(path);
}
