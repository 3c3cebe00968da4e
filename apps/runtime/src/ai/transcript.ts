import type { TranscriptLine } from './provider';

const AUTHOR_LABEL: Record<TranscriptLine['author'], string> = {
  visitor: 'Visitor',
  bot: 'Bot',
  agent: 'Agent',
  system: 'System',
};

function formatLine(line: TranscriptLine): string {
  return `${AUTHOR_LABEL[line.author]}${line.name ? ` (${line.name})` : ''}: ${line.text}`;
}

/** The transcript as plain lines, e.g. "Visitor (Jane): hi", for prompts and summaries. */
export function formatTranscript(lines: TranscriptLine[]): string {
  return lines.map(formatLine).join('\n');
}

export type TranscriptBound = { maxLines: number; maxChars: number };

/**
 * The newest lines of a transcript, formatted, within `maxLines` lines and `maxChars` characters (newline
 * included): older lines are dropped first. A newest line longer than the whole budget is cut to it, ending in "…".
 */
export function recentTranscript(lines: TranscriptLine[], { maxLines, maxChars }: TranscriptBound): string {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines.slice(-maxLines).reverse()) {
    const text = formatLine(line);
    const cost = text.length + (kept.length > 0 ? 1 : 0);
    if (size + cost > maxChars) {
      if (kept.length === 0 && maxChars > 0) kept.push(`${text.slice(0, maxChars - 1)}…`);
      break;
    }
    kept.push(text);
    size += cost;
  }
  return kept.reverse().join('\n');
}

export function visitorLines(lines: TranscriptLine[]): TranscriptLine[] {
  return lines.filter((line) => line.author === 'visitor');
}

export function lastVisitorText(lines: TranscriptLine[]): string {
  return visitorLines(lines).at(-1)?.text ?? '';
}
