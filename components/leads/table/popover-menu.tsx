"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/components/ui/use-dismiss";

/**
 * A button that opens a panel below it. Escape or a click outside closes it and focus returns to
 * the button; the panel follows the button in tab order, so it is reachable from the keyboard.
 */
export function PopoverMenu({
  label,
  buttonLabel,
  children,
  align = "left",
}: {
  /** The panel's accessible name. */
  label: string;
  buttonLabel: React.ReactNode;
  children: (close: () => void) => React.ReactNode;
  align?: "left" | "right";
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useDismiss(rootRef, open, () => setOpen(false), buttonRef);

  return (
    <div ref={rootRef} className="relative">
      <Button
        ref={buttonRef}
        variant="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {buttonLabel}
        <span aria-hidden className="text-xs">
          ▾
        </span>
      </Button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={label}
          className={cn(
            "absolute z-30 mt-1 max-h-[70vh] w-72 max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900",
            align === "right" ? "right-0" : "left-0",
          )}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
