/**
 * Arrow keys (and Home/End) move focus between the items of a list of buttons, so a long inbox
 * is walked without tabbing through every row; Tab still leaves the list.
 */
export function onListKeyDown(e: React.KeyboardEvent<HTMLElement>) {
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("[data-list-item]"));
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next: Record<string, number> = {
    ArrowDown: Math.min(at + 1, items.length - 1),
    ArrowUp: Math.max(at - 1, 0),
    Home: 0,
    End: items.length - 1,
  };
  const index = next[e.key];
  if (index === undefined || at === -1) return;
  e.preventDefault();
  items[index]?.focus();
}
