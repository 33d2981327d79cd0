"use client";

import { Button } from "@/components/ui/button";

/** The "Load more" footer of a keyset-paged list (a TanStack infinite query). */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!list.hasNextPage) return null;
  return (
    <div className="p-3 text-center">
      <Button
        variant="secondary"
        size="sm"
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        Load more
      </Button>
    </div>
  );
}
