import { Alert } from "@/components/ui/alert";
import type { AddRecipientsResult, ExclusionReason } from "./campaign-types";
import { EXCLUSION_LABELS } from "./exclusion-reasons";

const n = new Intl.NumberFormat();

/** What adding leads did: how many joined, and why the others were left out. */
export function AddResult({ result }: { result: AddRecipientsResult }) {
  const reasons = (Object.entries(result.excludedByReason) as [ExclusionReason, number][]).filter(
    ([, count]) => count > 0,
  );
  return (
    <Alert tone={result.added > 0 ? "success" : "info"}>
      <p>
        Added {n.format(result.added)} {result.added === 1 ? "lead" : "leads"}
        {result.excluded > 0 && `, excluded ${n.format(result.excluded)}`}.
      </p>
      {reasons.length > 0 && (
        <ul aria-label="Excluded leads by reason" className="mt-1 list-disc pl-5">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {n.format(count)} {EXCLUSION_LABELS[reason] ?? reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
