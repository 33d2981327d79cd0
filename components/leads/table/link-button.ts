/** Button looks for links (navigation stays a link: new tab, copy address, download). */
const base =
  "inline-flex h-9 items-center justify-center gap-2 rounded-lg px-3.5 text-sm font-medium transition-colors";

export const primaryLinkClass = `${base} bg-brand-600 text-white hover:bg-brand-700`;
export const secondaryLinkClass = `${base} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`;
