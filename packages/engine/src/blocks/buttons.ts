import type { ButtonsData } from '@flowdesk/flow-schema';
import type { VisitorContent } from '../machine/types';

const normalize = (s: string) => s.trim().toLowerCase();

/** The button a visitor's answer picks: a click on it, or typing its label (case and spaces ignored). */
export function matchButton(data: ButtonsData, input: VisitorContent | null): string | null {
  if (input?.type === 'choice_reply') return data.buttons.some((b) => b.id === input.optionId) ? input.optionId : null;
  if (input?.type !== 'text') return null;
  const typed = normalize(input.text);
  return data.buttons.find((b) => normalize(b.label) === typed)?.id ?? null;
}
