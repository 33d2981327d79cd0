/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7 —
 * far below the 4 decimals p-values are reported with).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * The 95% Wilson score interval of a proportion: unlike the normal approximation it stays within
 * 0..1 and is sensible for small samples and rates near 0 or 1.
 */
export function wilsonInterval(successes: number, n: number, z = Z95) {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: round(Math.max(0, centre - half), 4), high: round(Math.min(1, centre + half), 4) };
}

/**
 * Two-proportion z-test with the pooled proportion, two-sided. z is positive when the first rate
 * is higher; null (with no p-value) when either sample is empty or the pooled rate is 0 or 1.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number) {
  if (n1 <= 0 || n2 <= 0) return { z: null, pValue: null };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: null, pValue: null };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z: round(z, 4), pValue: round(erfc(Math.abs(z) / Math.SQRT2), 4) };
}
