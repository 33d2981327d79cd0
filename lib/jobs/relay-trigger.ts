/**
 * A nudge from code that just wrote an outbox event to the relay loop, so delivery follows within
 * milliseconds instead of at the next poll. Debounced; a no-op when no loop runs (tests, scripts).
 */
type State = { listener?: () => void; timer?: ReturnType<typeof setTimeout> };
const state: State = ((globalThis as { __leadlineRelayTrigger?: State }).__leadlineRelayTrigger ??=
  {});

export function onRelayKick(listener: (() => void) | undefined) {
  state.listener = listener;
}

export function kickRelay(delayMs = 25) {
  if (!state.listener || state.timer) return;
  // The delay lets the enqueuing transaction commit before the relay looks for the row.
  state.timer = setTimeout(() => {
    state.timer = undefined;
    state.listener?.();
  }, delayMs);
  state.timer.unref?.();
}
