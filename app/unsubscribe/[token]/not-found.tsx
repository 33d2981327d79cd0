/** A forged, mistyped or outdated unsubscribe link. */
export default function UnsubscribeLinkNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">This link doesn&apos;t work</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        We couldn&apos;t find what this unsubscribe link points to. If you copied it from an email,
        make sure the whole address was copied — or reply to the email and ask to be removed.
      </p>
    </div>
  );
}
