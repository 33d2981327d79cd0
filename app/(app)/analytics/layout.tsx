import { Suspense } from "react";
import { AnalyticsHeader } from "@/components/analytics/analytics-header";
import { AnalyticsViewerProvider } from "@/components/analytics/use-analytics";
import { requirePagePermission } from "@/lib/auth/page-session";

/** Every analytics view: the same header, tabs and URL filters; whose numbers is the API's call. */
export default async function AnalyticsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePagePermission("analytics:read");
  return (
    <AnalyticsViewerProvider viewer={{ userId: ctx.actor.userId ?? "", role: ctx.role }}>
      {/* The filters live in the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <div className="space-y-6">
          <AnalyticsHeader />
          {children}
        </div>
      </Suspense>
    </AnalyticsViewerProvider>
  );
}
