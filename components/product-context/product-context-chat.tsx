"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import {
  fetchRecentLog,
  productContextKeys,
  sendChatMessage,
  type ProductContextDto,
} from "./product-context-queries";

/**
 * The product interview: the assistant's questions and the user's answers, newest at the bottom.
 * The assistant's latest questions are offered as prompts to answer; offline, its turns say so.
 */
export function ProductContextChat({
  context,
  canWrite,
}: {
  context: ProductContextDto;
  canWrite: boolean;
}) {
  const client = useQueryClient();
  const log = useQuery({
    queryKey: productContextKeys.log,
    queryFn: ({ signal }) => fetchRecentLog(signal),
  });
  const [message, setMessage] = useState("");
  const [answering, setAnswering] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLLIElement>(null);
  const send = useMutation({
    mutationFn: sendChatMessage,
    onSuccess: (result) => {
      setMessage("");
      setAnswering(null);
      client.setQueryData(productContextKeys.context, result.context);
      void client.invalidateQueries({ queryKey: productContextKeys.all });
    },
  });
  const entries = log.data ?? [];
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [entries.length]);

  const lastAssistant = [...entries].reverse().find((e) => e.role === "assistant");
  // After a direct edit the interviewer resumes with what it would ask now (as the server does).
  const edited =
    context.updatedAt !== null &&
    lastAssistant !== undefined &&
    context.updatedAt > lastAssistant.createdAt;
  const questions =
    lastAssistant && !edited
      ? lastAssistant.questions
      : context.nextQuestion
        ? [context.nextQuestion]
        : [];

  const submit = (text: string) => {
    if (text.trim() && !send.isPending) send.mutate(text.trim());
  };

  return (
    <section
      aria-label="Product chat"
      className="flex min-h-[28rem] flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3 dark:border-slate-800">
        <h2 className="text-base font-semibold">Describe your product</h2>
        {context.mode === "offline" ? (
          <Badge tone="amber">Offline — built-in interviewer</Badge>
        ) : (
          <Badge tone="blue">AI model</Badge>
        )}
      </header>
      <ol
        role="log"
        aria-label="Conversation"
        aria-live="polite"
        className="flex-1 space-y-3 overflow-y-auto px-5 py-4 text-sm"
        style={{ maxHeight: "32rem" }}
      >
        {log.error && <Alert tone="error">{errorMessage(log.error)}</Alert>}
        {entries.length === 0 && context.nextQuestion && (
          <li className="max-w-[85%] rounded-xl bg-slate-100 px-3 py-2 dark:bg-slate-800">
            Tell me about what you sell. {context.nextQuestion}
          </li>
        )}
        {entries.map((entry) => (
          <li
            key={entry.id}
            aria-label={entry.role === "user" ? "You" : "Assistant"}
            className={
              entry.role === "user"
                ? "ml-auto max-w-[85%] whitespace-pre-line rounded-xl bg-brand-600 px-3 py-2 text-white"
                : "max-w-[85%] whitespace-pre-line rounded-xl bg-slate-100 px-3 py-2 dark:bg-slate-800"
            }
          >
            {entry.content}
            {entry.role === "assistant" && entry.mode === "offline" && (
              <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">offline</span>
            )}
          </li>
        ))}
        <li ref={end} aria-hidden className="h-0" />
      </ol>
      {canWrite ? (
        <form
          className="space-y-2 border-t border-slate-200 px-5 py-3 dark:border-slate-800"
          onSubmit={(e) => {
            e.preventDefault();
            submit(message);
          }}
        >
          {questions.length > 0 && (
            <div className="flex flex-wrap gap-2" role="group" aria-label="Suggested questions">
              {questions.map((q) => (
                <button
                  key={q}
                  type="button"
                  onClick={() => {
                    setAnswering(q);
                    input.current?.focus();
                  }}
                  className="rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-left text-xs text-brand-700 hover:bg-brand-100 dark:border-slate-700 dark:bg-slate-800 dark:text-brand-300"
                >
                  {q}
                </button>
              ))}
              <button
                type="button"
                onClick={() => submit("skip")}
                className="rounded-full border border-slate-300 px-3 py-1 text-xs text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-300"
              >
                Skip this question
              </button>
            </div>
          )}
          <label htmlFor="product-chat-input" className="sr-only">
            Your answer
          </label>
          {answering && (
            <p className="text-xs text-slate-600 dark:text-slate-400">Answering: {answering}</p>
          )}
          <div className="flex items-end gap-2">
            <textarea
              id="product-chat-input"
              ref={input}
              rows={2}
              maxLength={4000}
              value={message}
              placeholder={answering ?? "e.g. We sell invoicing software to accounting firms."}
              onChange={(e) => setMessage(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  submit(message);
                }
              }}
              className={inputClass}
            />
            <Button type="submit" loading={send.isPending} disabled={!message.trim()}>
              Send
            </Button>
          </div>
          {send.isError && <Alert tone="error">{errorMessage(send.error)}</Alert>}
        </form>
      ) : (
        <p className="border-t border-slate-200 px-5 py-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Admins and managers describe the product; you can read what they recorded.
        </p>
      )}
    </section>
  );
}
