"use client";

import { useCallback, useSyncExternalStore } from "react";

export type Density = "comfortable" | "compact";

export interface TablePrefs {
  columns: string[];
  density: Density;
}

export const DEFAULT_COLUMNS = [
  "company",
  "email",
  "status",
  "owner",
  "score",
  "source",
  "created",
];
export const DEFAULT_PREFS: TablePrefs = { columns: DEFAULT_COLUMNS, density: "comfortable" };

const KEY = "leadline.leads-table.v1";
const EVENT = "leadline:leads-table-prefs";

// useSyncExternalStore needs a stable snapshot: re-parse only when the stored text changes.
let cachedRaw: string | null | undefined;
let cachedPrefs: TablePrefs = DEFAULT_PREFS;
// Where prefs live when storage is disabled (private mode, policy): this page still behaves.
let memoryRaw: string | null = null;

function read(): TablePrefs {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    raw = memoryRaw;
  }
  if (raw === cachedRaw) return cachedPrefs;
  cachedRaw = raw;
  cachedPrefs = parse(raw);
  return cachedPrefs;
}

function parse(raw: string | null): TablePrefs {
  if (!raw) return DEFAULT_PREFS;
  try {
    const value = JSON.parse(raw) as Partial<TablePrefs>;
    return {
      columns: Array.isArray(value.columns)
        ? value.columns.filter((c): c is string => typeof c === "string")
        : DEFAULT_COLUMNS,
      density: value.density === "compact" ? "compact" : "comfortable",
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/** Visible columns and row density, remembered per browser (and carried by saved views). */
export function useTablePrefs() {
  const prefs = useSyncExternalStore(subscribe, read, () => DEFAULT_PREFS);
  const setPrefs = useCallback((patch: Partial<TablePrefs>) => {
    const raw = JSON.stringify({ ...read(), ...patch });
    try {
      window.localStorage.setItem(KEY, raw);
    } catch {
      memoryRaw = raw;
    }
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [prefs, setPrefs] as const;
}
