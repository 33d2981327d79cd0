import Link from "next/link";
import { getHealth } from "@/lib/system/get-health";
import { StatusRow } from "@/components/system/status-row";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth();
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-10 px-6 py-16">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-600 dark:text-brand-500">
          Leadline
        </p>
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Lead management and AI-assisted outreach, open and self-hosted.
        </h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">
          Work leads, run multi-step campaigns that stop when a lead replies, and let AI read the
          replies — all from one app and one REST API.
        </p>
      </header>

      <section
        aria-labelledby="status-heading"
        className="rounded-xl border border-slate-200 p-5 dark:border-slate-800"
      >
        <h2
          id="status-heading"
          className="mb-3 text-sm font-semibold text-slate-500 dark:text-slate-400"
        >
          This installation
        </h2>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <StatusRow label="Status" value={health.status} ok={health.status === "ok"} />
          <StatusRow
            label="Database"
            value={health.database.reachable ? `${health.database.driver}` : "unreachable"}
            ok={health.database.reachable}
          />
          <StatusRow label="Jobs" value={health.jobs.engine} ok={health.jobs.reachable} />
          <StatusRow
            label="Email"
            value={health.email.mode === "resend" ? "Resend" : "local outbox"}
            ok
          />
          <StatusRow
            label="AI"
            value={health.ai.mode === "offline" ? "offline mode" : `${health.ai.provider}`}
            ok
          />
          <StatusRow label="Version" value={health.version} ok />
        </dl>
      </section>

      <nav aria-label="Get started" className="flex flex-wrap gap-3">
        <Link
          href="/api/v1/docs"
          className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          API reference
        </Link>
        <Link
          href="/api/v1/health"
          className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          Health JSON
        </Link>
      </nav>
    </main>
  );
}
