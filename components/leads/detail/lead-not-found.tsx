import Link from "next/link";

/** Missing, deleted, or not visible to this member: the API says 404 for all three alike. */
export function LeadNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Lead not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It may have been deleted or merged, or it belongs to someone whose leads you can&apos;t see.
      </p>
      <Link
        href="/leads"
        className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
      >
        Back to leads
      </Link>
    </div>
  );
}
