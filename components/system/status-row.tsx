export function StatusRow({ label, value, ok }: { label: string; value: string; ok: boolean }) {
  return (
    <div className="flex items-center justify-between gap-3 rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-900">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="flex items-center gap-2 font-medium">
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${ok ? "bg-emerald-500" : "bg-amber-500"}`}
        />
        {value}
      </dd>
    </div>
  );
}
