import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "Email preferences",
  // A recipient's personal link: never indexed, never sent as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** The auth pages' card, without their sign-in links: recipients aren't users of the app. */
export default function UnsubscribeLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <div className="w-full max-w-sm space-y-6">
        <p className="text-center text-sm font-bold uppercase tracking-widest text-brand-600 dark:text-brand-500">
          Leadline
        </p>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {children}
        </div>
      </div>
    </main>
  );
}
