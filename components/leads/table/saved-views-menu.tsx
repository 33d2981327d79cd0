"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import type { SavedView } from "./lead-types";
import { sameQuery } from "./leads-params";
import { PopoverMenu } from "./popover-menu";
import { useSavedViewMutations, useSavedViews } from "./use-saved-views";
import { ViewNameDialog } from "./view-name-dialog";

type ViewState = SavedView["state"];

function isActive(view: SavedView, current: ViewState) {
  const s = view.state;
  return (
    s.density === current.density &&
    s.columns.join() === current.columns.join() &&
    sameQuery(s.query, current.query)
  );
}

/** Named views of this table (filters, sort, columns, density) — the user's own. */
export function SavedViewsMenu({
  current,
  onApply,
}: {
  current: ViewState;
  onApply: (state: ViewState) => void;
}) {
  const views = useSavedViews();
  const { create, update, remove } = useSavedViewMutations();
  const [dialog, setDialog] = useState<
    { kind: "save" } | { kind: "rename"; view: SavedView } | { kind: "delete"; view: SavedView }
  >();
  const [notice, setNotice] = useState<string>();
  const active = views.data?.find((v) => isActive(v, current));
  const close = () => {
    setDialog(undefined);
    create.reset();
    update.reset();
    remove.reset();
  };
  const done = (message: string) => {
    close();
    setNotice(message);
  };

  return (
    <>
      <PopoverMenu
        label="Saved views"
        buttonLabel={
          <span className="max-w-40 truncate">{active ? `View: ${active.name}` : "Views"}</span>
        }
      >
        {(closeMenu) => (
          <div className="space-y-1">
            <h2 className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              Saved views
            </h2>
            {views.isLoading && <p className="px-2 py-1 text-sm">Loading…</p>}
            {views.error && <Alert tone="error">{errorMessage(views.error)}</Alert>}
            {views.data?.length === 0 && (
              <p className="px-2 py-1 text-sm text-slate-600 dark:text-slate-400">
                None yet. Save the current filters, sort and columns to come back to them.
              </p>
            )}
            <ul>
              {views.data?.map((v) => (
                <li key={v.id} className="flex items-center gap-1">
                  <button
                    type="button"
                    aria-current={v.id === active?.id ? "true" : undefined}
                    onClick={() => {
                      onApply(v.state);
                      closeMenu();
                    }}
                    className={cn(
                      "min-w-0 flex-1 truncate rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800",
                      v.id === active?.id && "font-semibold text-brand-700 dark:text-brand-500",
                    )}
                  >
                    {v.name}
                  </button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Rename view ${v.name}`}
                    onClick={() => {
                      closeMenu();
                      setDialog({ kind: "rename", view: v });
                    }}
                  >
                    Rename
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete view ${v.name}`}
                    onClick={() => {
                      closeMenu();
                      setDialog({ kind: "delete", view: v });
                    }}
                  >
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
            <div className="border-t border-slate-200 pt-2 dark:border-slate-700">
              <Button
                size="sm"
                variant="secondary"
                className="w-full"
                onClick={() => {
                  closeMenu();
                  setNotice(undefined);
                  setDialog({ kind: "save" });
                }}
              >
                Save current view…
              </Button>
            </div>
          </div>
        )}
      </PopoverMenu>
      {notice && (
        <p role="status" className="sr-only">
          {notice}
        </p>
      )}
      <ViewNameDialog
        open={dialog?.kind === "save"}
        title="Save view"
        submitLabel="Save view"
        initialName=""
        pending={create.isPending || update.isPending}
        error={create.error ?? update.error}
        onSubmit={(name) =>
          create.mutate(
            { name, state: current },
            { onSuccess: () => done(`Saved view “${name}”.`) },
          )
        }
        onReplace={(name) => {
          const existing = views.data?.find((v) => v.name === name);
          if (existing)
            update.mutate(
              { id: existing.id, state: current },
              { onSuccess: () => done(`Replaced view “${name}”.`) },
            );
        }}
        onClose={close}
      />
      <ViewNameDialog
        open={dialog?.kind === "rename"}
        title={dialog?.kind === "rename" ? `Rename “${dialog.view.name}”` : "Rename view"}
        submitLabel="Rename"
        initialName={dialog?.kind === "rename" ? dialog.view.name : ""}
        pending={update.isPending}
        error={update.error}
        onSubmit={(name) => {
          if (dialog?.kind === "rename")
            update.mutate(
              { id: dialog.view.id, name },
              { onSuccess: () => done(`Renamed to “${name}”.`) },
            );
        }}
        onClose={close}
      />
      <Dialog
        open={dialog?.kind === "delete"}
        onClose={close}
        title={dialog?.kind === "delete" ? `Delete view “${dialog.view.name}”?` : "Delete view"}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Only the saved view goes; no leads are changed.
        </p>
        {remove.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => {
              if (dialog?.kind === "delete")
                remove.mutate(dialog.view.id, { onSuccess: () => done("View deleted.") });
            }}
          >
            Delete view
          </Button>
        </div>
      </Dialog>
    </>
  );
}
