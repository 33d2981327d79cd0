"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";

type Handler = (data: unknown) => void;

interface LiveEvents {
  subscribe(type: string, handler: Handler): () => void;
}

const LiveEventsContext = createContext<LiveEvents | null>(null);

/**
 * One EventSource per tab on /api/v1/events, shared by every component that wants live updates
 * (the bell now; inbox and campaign screens later). The browser reconnects by itself when the
 * stream drops, waiting what the server's `retry:` says.
 */
export function LiveEventsProvider({ children }: { children: React.ReactNode }) {
  const handlers = useRef(new Map<string, Set<Handler>>());
  const sources = useRef(new Map<string, (e: MessageEvent) => void>());
  const source = useRef<EventSource | null>(null);

  useEffect(() => {
    const es = new EventSource("/api/v1/events");
    source.current = es;
    for (const [type, listener] of sources.current) es.addEventListener(type, listener);
    return () => {
      es.close();
      source.current = null;
    };
  }, []);

  const [value] = useState<LiveEvents>(() => ({
    subscribe(type, handler) {
      let set = handlers.current.get(type);
      if (!set) {
        set = new Set();
        handlers.current.set(type, set);
        const listener = (e: MessageEvent) => {
          let data: unknown = null;
          try {
            data = JSON.parse(e.data as string);
          } catch {
            return;
          }
          handlers.current.get(type)?.forEach((h) => h(data));
        };
        sources.current.set(type, listener);
        source.current?.addEventListener(type, listener);
      }
      set.add(handler);
      return () => void set.delete(handler);
    },
  }));

  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

/** Run `handler` for every live event of `type` while the component is mounted. */
export function useLiveEvent(type: string, handler: Handler) {
  const live = useContext(LiveEventsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => live?.subscribe(type, (data) => latest.current(data)), [live, type]);
}
