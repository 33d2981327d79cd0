"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { channelKeys } from "./channel-queries";

type Notify = (tone: "success" | "error", text: string) => void;

/** Save (PUT) and remove (DELETE) one provider's settings, with field errors kept for the form. */
export function useProviderSettings(
  provider: "twilio" | "telegram",
  label: string,
  notify: Notify,
) {
  const client = useQueryClient();
  const [error, setError] = useState<ApiError>();
  const path = `/settings/channels/${provider}`;
  const refresh = () => void client.invalidateQueries({ queryKey: channelKeys.all });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(path, { method: "PUT", body }),
    onSuccess: () => {
      setError(undefined);
      notify("success", `${label} settings saved.`);
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e);
      notify("error", errorMessage(e));
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(path, { method: "DELETE" }),
    onSuccess: () => {
      notify("success", `${label} removed.`);
      refresh();
    },
    onError: (e) => notify("error", errorMessage(e)),
  });
  return { save, remove, error };
}
