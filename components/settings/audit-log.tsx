"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";

interface Entry {
  id: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  actorType: string;
  actorId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  createdAt: string;
}

export function AuditLog() {
  const [action, setAction] = useState("");
  const [resourceType, setResourceType] = useState("");
  const [cursor, setCursor] = useState<string[]>([]);
  const params = { action: action.trim(), resourceType, perPage: 25, cursor: cursor.at(-1) };
  const log = useQuery({
    queryKey: queryKeys.auditLogs(params),
    queryFn: ({ signal }) =>
      apiFetch<{ data: Entry[]; pagination: { nextCursor: string | null; total: number } }>(
        "/audit-logs",
        { query: params, signal },
      ),
    placeholderData: keepPreviousData,
  });
  const columns: Column<Entry>[] = [
    { key: "when", header: "When", cell: (e) => formatDateTime(e.createdAt) },
    { key: "action", header: "Action", cell: (e) => <code className="text-xs">{e.action}</code> },
    {
      key: "resource",
      header: "Resource",
      cell: (e) => `${e.resourceType}${e.resourceId ? ` ${e.resourceId.slice(0, 8)}…` : ""}`,
    },
    {
      key: "actor",
      header: "By",
      cell: (e) => `${e.actorType}${e.actorId ? ` ${e.actorId.slice(0, 8)}…` : ""}`,
    },
    { key: "ip", header: "From", cell: (e) => e.ip ?? "—" },
    {
      key: "changes",
      header: "Changes",
      cell: (e) =>
        e.changes ? (
          <code className="break-all text-xs">{JSON.stringify(e.changes).slice(0, 120)}</code>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <Card
      title="Audit log"
      description={`Every change and security event in this organization${log.data ? ` (${log.data.pagination.total})` : ""}.`}
    >
      <div className="mb-3 flex flex-wrap gap-3">
        <label className="min-w-48 flex-1">
          <span className="sr-only">Action</span>
          <input
            className={inputClass}
            placeholder="Action, e.g. user.role_changed"
            value={action}
            onChange={(e) => (setAction(e.target.value), setCursor([]))}
          />
        </label>
        <label>
          <span className="sr-only">Resource type</span>
          <select
            className={inputClass}
            value={resourceType}
            onChange={(e) => (setResourceType(e.target.value), setCursor([]))}
          >
            <option value="">All resources</option>
            <option value="user">Users</option>
            <option value="api_key">API keys</option>
            <option value="organization">Organization</option>
          </select>
        </label>
      </div>
      {log.error && <Alert tone="error">{errorMessage(log.error)}</Alert>}
      <DataTable
        caption="Audit log"
        columns={columns}
        rows={log.data?.data}
        rowKey={(e) => e.id}
        loading={log.isLoading}
      />
      <div className="mt-3 flex justify-end gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={cursor.length === 0}
          onClick={() => setCursor((c) => c.slice(0, -1))}
        >
          Newer
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={!log.data?.pagination.nextCursor}
          onClick={() => setCursor((c) => [...c, log.data!.pagination.nextCursor!])}
        >
          Older
        </Button>
      </div>
    </Card>
  );
}
