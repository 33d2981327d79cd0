"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { formatDateTime } from "@/lib/client/format";

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  status: "active" | "revoked" | "expired";
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export function ApiKeysSettings({ canManage }: { canManage: boolean }) {
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; value: string }>();
  const keys = useQuery({
    queryKey: queryKeys.apiKeys.list({}),
    queryFn: () => apiFetch<{ data: ApiKey[] }>("/api-keys", { query: { perPage: 100 } }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys.all }),
  });
  const columns: Column<ApiKey>[] = [
    { key: "name", header: "Name", cell: (k) => <span className="font-medium">{k.name}</span> },
    { key: "prefix", header: "Key", cell: (k) => <code className="text-xs">{k.prefix}…</code> },
    { key: "role", header: "Role", cell: (k) => k.role.replace("_", " ") },
    {
      key: "used",
      header: "Last used",
      cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"),
    },
    {
      key: "status",
      header: "Status",
      cell: (k) => <Badge tone={k.status === "active" ? "green" : "neutral"}>{k.status}</Badge>,
    },
    {
      key: "actions",
      header: "Actions",
      className: "text-right",
      cell: (k) =>
        canManage && k.status === "active" ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              window.confirm(`Revoke "${k.name}"? It stops working at once.`) && revoke.mutate(k.id)
            }
          >
            Revoke
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      title="API keys"
      description="For external systems calling /api/v1. A key acts with its role in this organization."
      actions={canManage && <Button onClick={() => setCreating(true)}>Create API key</Button>}
    >
      {secret && (
        <Alert tone="success" className="mb-3">
          <p className="font-medium">
            Copy the secret of “{secret.name}” now — it won&apos;t be shown again.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="api-key-secret"
              className="break-all rounded bg-white px-2 py-1 text-xs dark:bg-slate-950"
            >
              {secret.value}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => navigator.clipboard?.writeText(secret.value)}
            >
              Copy
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSecret(undefined)}>
              Done
            </Button>
          </div>
        </Alert>
      )}
      {(keys.error || revoke.error) && (
        <Alert tone="error">{errorMessage(keys.error ?? revoke.error)}</Alert>
      )}
      <DataTable
        caption="API keys"
        columns={columns}
        rows={keys.data?.data}
        rowKey={(k) => k.id}
        loading={keys.isLoading}
        empty="No API keys yet."
      />
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, value) => {
          setCreating(false);
          setSecret({ name, value });
          client.invalidateQueries({ queryKey: queryKeys.apiKeys.all });
        }}
      />
    </Card>
  );
}

function CreateKeyDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string, secret: string) => void;
}) {
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<{ name: string; secret: string }>("/api-keys", { body }),
    onSuccess: (k) => onCreated(k.name, k.secret),
  });
  const err = create.error instanceof ApiError ? create.error : undefined;
  return (
    <Dialog open={open} onClose={onClose} title="Create an API key">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const expires = String(f.get("expiresAt") || "");
          create.mutate({
            name: String(f.get("name")),
            role: String(f.get("role")),
            expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined,
          });
        }}
      >
        {create.error && !err?.problem.errors && (
          <Alert tone="error">{errorMessage(create.error)}</Alert>
        )}
        <Field
          label="Name"
          name="name"
          required
          maxLength={100}
          placeholder="Website form"
          error={err?.fieldError("name")}
        />
        <SelectField
          label="Role"
          name="role"
          defaultValue="integration"
          options={[
            { value: "integration", label: "Integration (leads, no user or key admin)" },
            { value: "sales_rep", label: "Sales rep" },
            { value: "manager", label: "Manager" },
            { value: "admin", label: "Admin" },
          ]}
        />
        <Field
          label="Expires on (optional)"
          name="expiresAt"
          type="date"
          error={err?.fieldError("expiresAt")}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
