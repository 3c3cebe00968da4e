import { type ClipboardPayload, isClipboardPayload } from './model/clipboard';

const KEY = 'flowdesk.clipboard';
let memory: ClipboardPayload | null = null;

/** Copied blocks survive a page change (localStorage), so they can be pasted into another flow. */
export function storeClipboard(payload: ClipboardPayload): void {
  memory = payload;
  try {
    localStorage.setItem(KEY, JSON.stringify(payload));
  } catch {
    // storage full or disabled: the in-memory copy still works on this page
  }
}

export function readClipboard(): ClipboardPayload | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (isClipboardPayload(stored)) return stored;
  } catch {
    // fall through to memory
  }
  return memory;
}
