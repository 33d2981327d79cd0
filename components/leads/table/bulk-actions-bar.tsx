"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import type { BulkAction } from "./lead-types";
import { problemText } from "./problem-text";
import { useBulkAction } from "./use-bulk-action";

type ActionName = BulkAction["action"];

const ACTIONS: { value: ActionName; label: string }[] = [
  { value: "update_status", label: "Set status" },
  { value: "assign", label: "Assign owner" },
  { value: "add_tags", label: "Add tag" },
  { value: "remove_tags", label: "Remove tag" },
  { value: "delete", label: "Delete" },
];

const n = new Intl.NumberFormat();
const plural = (count: number) => `${n.format(count)} ${count === 1 ? "lead" : "leads"}`;

/**
 * What to do with the selected leads — the ticked ids, or (after "select all matching") the
 * current filters, so the server applies it to every match however many there are.
 */
export function BulkActionsBar({
  count,
  target,
  canSelectAllMatching,
  total,
  canDelete,
  onSelectAllMatching,
  onClear,
  onDone,
}: {
  count: number;
  target: { ids: string[] } | { filter: Record<string, string> };
  canSelectAllMatching: boolean;
  total: number;
  canDelete: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDone: (message: string) => void;
}) {
  const options = useLeadOptions().data;
  const members = useMembers().data;
  const bulk = useBulkAction();
  const [action, setAction] = useState<ActionName>("update_status");
  const [status, setStatus] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [tag, setTag] = useState("");
  const [confirming, setConfirming] = useState(false);
  const byFilter = "filter" in target;

  const statuses = (options?.status ?? []).filter((s) => !s.retired);
  const chosenStatus = status || statuses[0]?.value || "";

  const run = (body: BulkAction, done: (affected: number) => string) =>
    bulk.mutate(body, {
      onSuccess: ({ affected }) => {
        setConfirming(false);
        onDone(done(affected));
      },
    });

  const apply = () => {
    const changed = (affected: number, what: string) =>
      `${what}: ${plural(affected)} changed${affected < count ? ` (${n.format(count - affected)} already matched)` : ""}.`;
    switch (action) {
      case "update_status": {
        const label = statuses.find((s) => s.value === chosenStatus)?.label ?? chosenStatus;
        return run({ ...target, action, data: { status: chosenStatus } }, (a) =>
          changed(a, `Status set to ${label}`),
        );
      }
      case "assign": {
        const owner = members?.find((m) => m.id === ownerId);
        return run({ ...target, action, data: { ownerId: ownerId || null } }, (a) =>
          changed(a, owner ? `Assigned to ${owner.name || owner.email}` : "Unassigned"),
        );
      }
      case "add_tags":
      case "remove_tags":
        return run({ ...target, action, data: { tags: [tag.trim()] } }, (a) =>
          changed(
            a,
            action === "add_tags" ? `Tag “${tag.trim()}” added` : `Tag “${tag.trim()}” removed`,
          ),
        );
      case "delete":
        return setConfirming(true);
    }
  };

  return (
    <section
      aria-label="Bulk actions"
      className="rounded-lg border border-brand-100 bg-brand-50 p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <p className="font-medium" aria-live="polite">
          {byFilter
            ? `All ${n.format(total)} matching ${total === 1 ? "lead" : "leads"} selected`
            : `${n.format(count)} selected`}
        </p>
        {canSelectAllMatching && (
          <Button size="sm" variant="ghost" onClick={onSelectAllMatching}>
            Select all {n.format(total)} matching
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
            Bulk action
          </span>
          <select
            aria-label="Bulk action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value as ActionName);
              bulk.reset();
            }}
            className={cn(inputClass, "w-40")}
          >
            {ACTIONS.filter((a) => canDelete || a.value !== "delete").map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {action === "update_status" && (
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
              New status
            </span>
            <select
              aria-label="New status"
              value={chosenStatus}
              onChange={(e) => setStatus(e.target.value)}
              className={cn(inputClass, "w-40")}
            >
              {statuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {action === "assign" && (
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">
              New owner
            </span>
            <select
              aria-label="New owner"
              value={ownerId}
              onChange={(e) => setOwnerId(e.target.value)}
              className={cn(inputClass, "w-48")}
            >
              <option value="">Unassigned</option>
              {members?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name || m.email}
                </option>
              ))}
            </select>
          </label>
        )}
        {(action === "add_tags" || action === "remove_tags") && (
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">Tag</span>
            <input
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              required
              maxLength={50}
              className={cn(inputClass, "w-40")}
            />
          </label>
        )}
        <Button
          type="submit"
          variant={action === "delete" ? "danger" : "primary"}
          loading={bulk.isPending && !confirming}
        >
          {action === "delete" ? "Delete…" : "Apply"}
        </Button>
      </form>
      {bulk.error && !confirming && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {problemText(bulk.error)}
        </p>
      )}
      <ConfirmDeleteDialog
        open={confirming}
        count={byFilter ? total : count}
        pending={bulk.isPending}
        error={bulk.error ? problemText(bulk.error) : undefined}
        onCancel={() => {
          setConfirming(false);
          bulk.reset();
        }}
        onConfirm={() =>
          run({ ...target, action: "delete" }, (a) => `Deleted ${plural(a)} (moved to the trash).`)
        }
      />
    </section>
  );
}
