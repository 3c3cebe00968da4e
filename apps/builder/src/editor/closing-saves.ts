/** Draft saves sent as an editor closed, still on their way to the runtime. */
const closing = new Set<Promise<unknown>>();

/** Keeps `save` (sent as the editor closes) until it ends, so the page shown next can wait for it. */
export function holdClosingSave(save: Promise<unknown>): void {
  closing.add(save);
  void save.catch(() => undefined).finally(() => closing.delete(save));
}

/** Resolves once the saves sent by closed editors have ended (saved or failed), so a list read next is current. */
export async function closingSavesEnded(): Promise<void> {
  await Promise.allSettled([...closing]);
}
