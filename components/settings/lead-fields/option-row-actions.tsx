import { Button } from "@/components/ui/button";
import type { LeadOption } from "@/lib/client/lead-hooks";

/** Move, rename and retire buttons of one picklist value, named after it for screen readers. */
export function OptionRowActions({
  idPrefix,
  option,
  first,
  last,
  busy,
  onMove,
  onRename,
  onRetire,
}: {
  idPrefix: string;
  option: LeadOption;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRename: () => void;
  onRetire: (retired: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap gap-1">
      <Button
        id={`${idPrefix}-up`}
        size="sm"
        variant="ghost"
        aria-label={`Move ${option.label} up`}
        title="Move up"
        disabled={first || busy}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden>↑</span>
      </Button>
      <Button
        id={`${idPrefix}-down`}
        size="sm"
        variant="ghost"
        aria-label={`Move ${option.label} down`}
        title="Move down"
        disabled={last || busy}
        onClick={() => onMove(1)}
      >
        <span aria-hidden>↓</span>
      </Button>
      <Button
        size="sm"
        variant="secondary"
        aria-label={`Rename ${option.label}`}
        disabled={busy}
        onClick={onRename}
      >
        Rename
      </Button>
      <Button
        size="sm"
        variant="secondary"
        aria-label={`${option.retired ? "Restore" : "Retire"} ${option.label}`}
        disabled={busy}
        onClick={() => onRetire(!option.retired)}
      >
        {option.retired ? "Restore" : "Retire"}
      </Button>
    </div>
  );
}
