"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

export interface TipState {
  x: number;
  y: number;
  text: React.ReactNode;
}

/**
 * The drawing surface: a fixed viewBox scaled to the card's width (the height follows, so the
 * box is known before data arrives), with one HTML tooltip placed in viewBox percentages.
 */
export function ChartSvg({
  width,
  height,
  label,
  tip,
  children,
}: {
  width: number;
  height: number;
  label: string;
  tip: TipState | null;
  children: React.ReactNode;
}) {
  return (
    <div className="relative w-full">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        className="block h-auto w-full overflow-visible"
      >
        {children}
      </svg>
      {tip && (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full whitespace-nowrap rounded-md bg-slate-900 px-2 py-1 text-xs font-medium text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
          style={{
            left: `${(tip.x / width) * 100}%`,
            top: `calc(${(tip.y / height) * 100}% - 6px)`,
          }}
        >
          {tip.text}
        </div>
      )}
    </div>
  );
}

export function useTip() {
  const [tip, setTip] = useState<TipState | null>(null);
  const hide = useCallback(() => setTip(null), []);
  return { tip, setTip, hide };
}

/**
 * One data mark (bar, point, cell): focusable, named by its label and value, showing the tooltip
 * on hover and focus; with `href` a link to the drill-down (client navigation, and a real href
 * so it opens in a new tab too).
 */
export function DataPoint({
  label,
  href,
  anchor,
  onTip,
  onHide,
  children,
}: {
  label: string;
  href?: string;
  anchor: { x: number; y: number };
  onTip: (tip: TipState) => void;
  onHide: () => void;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const show = () => onTip({ ...anchor, text: label });
  const common = {
    "aria-label": label,
    onFocus: show,
    onBlur: onHide,
    onMouseEnter: show,
    onMouseLeave: onHide,
    className:
      "cursor-default outline-none [&:focus-visible>rect:first-child]:stroke-slate-900 [&:focus-visible>rect:first-child]:stroke-2 dark:[&:focus-visible>rect:first-child]:stroke-white",
  };
  if (href)
    return (
      <a
        {...common}
        href={href}
        className={`${common.className} cursor-pointer [&:hover>rect:nth-child(2)]:opacity-80`}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
          e.preventDefault();
          router.push(href);
        }}
      >
        {children}
      </a>
    );
  return (
    <g {...common} tabIndex={0} role="img">
      {children}
    </g>
  );
}
