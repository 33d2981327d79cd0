"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";

interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
}

const APPROVERS = new Set(["owner", "admin", "manager"]);

/** Hand the decision to another member who may approve. */
export function DelegateForm({ onDelegate }: { onDelegate: (userId: string) => void }) {
  const id = useId();
  const [userId, setUserId] = useState("");
  const members = useQuery({
    queryKey: ["members", "approvers"],
    queryFn: ({ signal }) =>
      apiFetch<{ data: Member[] }>("/users", { query: { perPage: 100, sort: "name" }, signal }),
  });
  const approvers = (members.data?.data ?? []).filter(
    (m) => APPROVERS.has(m.role) && m.status === "active",
  );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="space-y-1.5">
        <label
          htmlFor={id}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Delegate to
        </label>
        <select
          id={id}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">Choose an approver…</option>
          {approvers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name || m.email} ({m.role})
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" disabled={!userId} onClick={() => onDelegate(userId)}>
        Delegate
      </Button>
    </div>
  );
}
