"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import { useRules, type Rule } from "./auto-responder-queries";
import { RecentRuns } from "./recent-runs";
import { RuleForm } from "./rule-form";
import { RuleList } from "./rule-list";
import { RuleTestPanel } from "./rule-test-panel";

/**
 * Settings → Auto-responder: the rules applied to classified replies (admins and managers edit),
 * a dry-run panel and the log of what the rules did.
 */
export function AutoResponderSettings({ canManage }: { canManage: boolean }) {
  const rules = useRules();
  const [editing, setEditing] = useState<Rule | "new">();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const notify = (tone: "success" | "error", text: string) => setNotice({ tone, text });

  return (
    <div className="space-y-6">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {editing ? (
        <Card title={editing === "new" ? "New rule" : `Edit “${editing.name}”`}>
          <RuleForm
            key={editing === "new" ? "new" : editing.id}
            rule={editing === "new" ? undefined : editing}
            onCancel={() => setEditing(undefined)}
            onDone={(saved) => {
              setEditing(undefined);
              notify("success", `Rule “${saved.name}” saved.`);
            }}
          />
        </Card>
      ) : (
        <Card
          title="Auto-responder rules"
          description="When a classified reply matches a rule, its actions run — tried in this order. Replies waiting for review act only once a person confirms them."
          actions={
            canManage ? <Button onClick={() => setEditing("new")}>New rule</Button> : undefined
          }
        >
          {rules.error ? (
            <Alert tone="error">{errorMessage(rules.error)}</Alert>
          ) : !rules.data ? (
            <p className="text-sm">Loading…</p>
          ) : (
            <RuleList
              rules={rules.data}
              canManage={canManage}
              onEdit={setEditing}
              notify={notify}
            />
          )}
        </Card>
      )}
      <RuleTestPanel />
      <RecentRuns />
    </div>
  );
}
