/**
 * Resolves once `check` holds, asking again every `everyMs` (a wait on a condition, never a fixed sleep);
 * fails after `timeoutMs`.
 */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition never held in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
