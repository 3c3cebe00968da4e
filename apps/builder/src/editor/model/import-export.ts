import { FlowDocument } from '@flowdesk/flow-schema';

export function exportFlowJson(doc: FlowDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exportFileName(doc: FlowDocument): string {
  return `${doc.id || 'flow'}.flow.json`;
}

export type ImportResult = { ok: true; doc: FlowDocument } | { ok: false; message: string };

/**
 * Reads an exported flow. The imported blocks, connections, intents, variables and settings replace
 * the current ones; the flow keeps its own id and name so the import lands in this flow.
 */
export function importFlowJson(text: string, into: FlowDocument): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a file exported from Flowdesk.' };
  }
  const parsed = FlowDocument.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'document'}: ${i.message}`)
      .join('; ');
    return { ok: false, message: `This file is not a valid flow (${issues}).` };
  }
  return { ok: true, doc: { ...parsed.data, id: into.id, name: into.name } };
}

/** Saves text as a file through the browser's download. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
