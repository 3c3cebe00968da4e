/** Nearest-rank percentile of samples (sorted or not). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const round = (value: number, digits = 1) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Poisson arrival process: calls `fire` about `ratePerSecond` times a second for `durationMs`. */
export async function openLoop(ratePerSecond: number, durationMs: number, fire: (index: number) => void) {
  const end = performance.now() + durationMs;
  let due = performance.now();
  let index = 0;
  while (due < end) {
    due += -Math.log(1 - Math.random()) * (1000 / ratePerSecond);
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    fire(index++);
  }
  return index;
}

export const MiB = 1024 * 1024;
