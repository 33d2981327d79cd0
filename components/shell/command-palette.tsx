"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";

interface LeadHit {
  id: string;
  displayName: string;
  company: string | null;
  email: string | null;
}

interface Item {
  id: string;
  label: string;
  hint?: string;
  href: string;
}

const SHORTCUTS: Item[] = [
  { id: "new-lead", label: "Create a lead", href: "/leads/new" },
  { id: "import", label: "Import leads from CSV", href: "/leads/import" },
  { id: "leads", label: "Go to Leads", href: "/leads" },
  { id: "settings", label: "Go to Settings", href: "/settings" },
];

/** ⌘K / Ctrl+K: type a name, company or email and jump to the lead (a combobox in a dialog). */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((v) => !v);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-9 min-w-0 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-600 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 sm:w-64"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-4 shrink-0"
          fill="none"
          stroke="currentColor"
        >
          <circle cx="11" cy="11" r="7" strokeWidth="2" />
          <path d="m20 20-3.5-3.5" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="hidden sm:inline">Search leads…</span>
        <span className="sr-only sm:hidden">Search leads</span>
        <kbd className="ml-auto hidden rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400 sm:inline">
          Ctrl K
        </kbd>
      </button>
      {open && <Palette onClose={() => setOpen(false)} />}
    </>
  );
}

function Palette({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const term = useDebounced(q.trim(), 200);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const search = useQuery({
    queryKey: queryKeys.leads.search(term),
    queryFn: ({ signal }) =>
      apiFetch<{ data: LeadHit[] }>("/leads", { query: { q: term, perPage: 8 }, signal }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });

  const items: Item[] =
    term.length === 0
      ? SHORTCUTS
      : (search.data?.data ?? []).map((l) => ({
          id: l.id,
          label: l.displayName,
          hint: [l.company, l.email].filter(Boolean).join(" · "),
          href: `/leads/${l.id}`,
        }));
  const current = Math.min(active, Math.max(items.length - 1, 0));

  const go = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    router.push(item.href);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + items.length) % Math.max(items.length, 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(items[current]);
    }
  };

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label="Search leads"
      onClick={(e) => e.target === dialog.current && onClose()}
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <input
          autoFocus
          role="combobox"
          aria-label="Search leads by name, company or email"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={items[current] ? `${listId}-${items[current].id}` : undefined}
          aria-autocomplete="list"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search leads by name, company or email…"
          className="w-full bg-transparent px-1 py-1 text-base outline-none placeholder:text-slate-500"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={term ? "Matching leads" : "Shortcuts"}
        className="max-h-80 overflow-y-auto p-1"
      >
        {items.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${item.id}`}
            role="option"
            aria-selected={i === current}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(item)}
            className={cn(
              "cursor-pointer rounded-lg px-3 py-2 text-sm",
              i === current && "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white",
            )}
          >
            <span className="block font-medium">{item.label}</span>
            {item.hint && (
              <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
                {item.hint}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="px-4 pb-3 text-xs text-slate-600 dark:text-slate-400">
        {search.isError
          ? errorMessage(search.error)
          : term && search.isFetching
            ? "Searching…"
            : term && items.length === 0 && search.isSuccess
              ? `No leads match “${term}”.`
              : "↑↓ to move, Enter to open, Esc to close"}
      </p>
    </dialog>
  );
}
