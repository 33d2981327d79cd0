"use client";

import { useState } from "react";

interface Selection {
  /** The list query the selection was made in; another query starts with nothing selected. */
  key: string;
  ids: Set<string>;
  /** "Select all N matching": the action targets the filters, not the ticked ids. */
  allMatching: boolean;
}

export function useSelection(key: string) {
  const [state, setState] = useState<Selection>({ key, ids: new Set(), allMatching: false });
  const current: Selection =
    state.key === key ? state : { key, ids: new Set(), allMatching: false };
  return {
    ids: current.ids,
    allMatching: current.allMatching,
    has: (id: string) => current.allMatching || current.ids.has(id),
    set: (ids: string[], on: boolean) => {
      const next = new Set(current.ids);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setState({ key, ids: next, allMatching: false });
    },
    selectAllMatching: () => setState({ key, ids: current.ids, allMatching: true }),
    clear: () => setState({ key, ids: new Set(), allMatching: false }),
  };
}
