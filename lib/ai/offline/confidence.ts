/**
 * How sure the verdict is, from the evidence: more cue weight for the winner and a wider lead
 * over the runner-up raise it; conflicting cues, a very short reply or falling back on "other"
 * for lack of any cue lower it. Kept within 0.2–0.97: rules are never certain.
 */
export function confidenceOf(input: {
  top: number;
  runnerUp: number;
  words: number;
  fallback: boolean;
  overridden: boolean;
}): number {
  if (input.fallback) return input.words <= 3 ? 0.35 : 0.45;
  const strength = 1 - Math.exp(-input.top / 3);
  const lead = input.top <= 0 ? 0 : Math.max(0, input.top - input.runnerUp) / input.top;
  let confidence = 0.3 + 0.67 * strength * (0.4 + 0.6 * lead);
  if (input.overridden) confidence = Math.max(confidence, 0.6);
  if (input.words <= 2) confidence -= 0.05;
  return Math.round(Math.min(0.97, Math.max(0.2, confidence)) * 100) / 100;
}
