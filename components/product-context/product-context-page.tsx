"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { ProductContextChat } from "./product-context-chat";
import { ProductContextSections } from "./product-context-sections";
import { fetchProductContext, productContextKeys } from "./product-context-queries";
import { TargetingRecommendations } from "./targeting-recommendations";

/** Product: the interview beside the structured context it fills in, and who to target below. */
export function ProductContextPage({ canWrite }: { canWrite: boolean }) {
  const context = useQuery({
    queryKey: productContextKeys.context,
    queryFn: ({ signal }) => fetchProductContext(signal),
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Product</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Describe what you sell in a chat; the assistant keeps the structured context up to date
          and asks about what is missing.
        </p>
      </div>
      {context.error ? (
        <Alert tone="error">{errorMessage(context.error)}</Alert>
      ) : !context.data ? (
        <p className="text-sm">Loading…</p>
      ) : (
        <>
          {context.data.mode === "offline" && (
            <Alert>
              Offline mode: no AI model is configured, so a built-in interviewer reads your answers
              by rules and says exactly what it recorded.
            </Alert>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <ProductContextChat context={context.data} canWrite={canWrite} />
            <ProductContextSections context={context.data} canWrite={canWrite} />
          </div>
          <TargetingRecommendations mode={context.data.mode} />
        </>
      )}
    </div>
  );
}
