import { Badge } from "@/components/ui/badge";

/** One card of My day: a heading with a count, then its list, loading or empty message. */
export function DaySection({
  title,
  count,
  tone = "neutral",
  loading,
  error,
  empty,
  action,
  notice,
  children,
}: {
  title: string;
  count?: number;
  tone?: "neutral" | "red" | "amber" | "green";
  loading: boolean;
  error?: string;
  empty: string;
  action?: React.ReactNode;
  /** A failed action on one of the rows; the list stays. */
  notice?: string;
  children?: React.ReactNode;
}) {
  const id = `day-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-3 dark:border-slate-800">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {count !== undefined && <Badge tone={count > 0 ? tone : "neutral"}>{count}</Badge>}
        {action && <div className="ml-auto">{action}</div>}
      </header>
      {notice && (
        <p role="alert" className="px-4 pt-3 text-sm text-red-700 dark:text-red-400">
          {notice}
        </p>
      )}
      {loading ? (
        <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      ) : error ? (
        <p role="alert" className="px-4 py-6 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : count === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">{children}</ul>
      )}
    </section>
  );
}
