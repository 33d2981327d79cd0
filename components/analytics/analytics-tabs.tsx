"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useAnalyticsFilters } from "./use-analytics";

const TABS = [
  { href: "/analytics", label: "Overview" },
  { href: "/analytics/leads", label: "Leads" },
  { href: "/analytics/campaigns", label: "Campaigns" },
  { href: "/analytics/team", label: "Team" },
  { href: "/analytics/revenue", label: "Revenue" },
  { href: "/analytics/listings", label: "Listings" },
];

/** The analytics views; switching keeps the filters (they are the URL's query). */
export function AnalyticsTabs() {
  const pathname = usePathname();
  const { search } = useAnalyticsFilters();
  return (
    <nav aria-label="Analytics views" className="border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((t) => {
          const current = pathname === t.href;
          return (
            <li key={t.href}>
              <Link
                href={`${t.href}${search}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                  current
                    ? "border-brand-600 text-brand-700 dark:border-brand-500 dark:text-white"
                    : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
