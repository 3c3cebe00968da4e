import type { TranscriptLine } from './provider';

const AUTHOR_LABEL: Record<TranscriptLine['author'], string> = {
  visitor: 'Visitor',
  bot: 'Bot',
  agent: 'Agent',
  system: 'System',
};

/** The transcript as plain lines, e.g. "Visitor (Jane): hi", for prompts and summaries. */
export function formatTranscript(lines: TranscriptLine[]): string {
  return lines
    .map((line) => `${AUTHOR_LABEL[line.author]}${line.name ? ` (${line.name})` : ''}: ${line.text}`)
    .join('\n');
}

export function visitorLines(lines: TranscriptLine[]): TranscriptLine[] {
  return lines.filter((line) => line.author === 'visitor');
}

export function lastVisitorText(lines: TranscriptLine[]): string {
  return visitorLines(lines).at(-1)?.text ?? '';
}
