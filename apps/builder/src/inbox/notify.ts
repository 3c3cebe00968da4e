import type { MessageContent } from '@flowdesk/contract';
import { hrefFor } from '../app/router';
import { alertText } from './alerts';
import { inboxApi, visitorLabel } from './inbox-api';

const SOUND_KEY = 'flowdesk.inbox.sound';

export const soundEnabled = () => localStorage.getItem(SOUND_KEY) === 'on';
export const setSoundEnabled = (on: boolean) => localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');

/** Asks for notification permission once the agent opts in (browsers require a user gesture). */
export async function enableNotifications(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

/** A system notification that opens the conversation when clicked. */
export function showNotification(title: string, conversationId: string, body = 'Open the inbox to reply.') {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag: conversationId });
  notification.onclick = () => {
    window.focus();
    window.location.assign(hrefFor(`/inbox/${conversationId}`));
  };
}

/** A short two-tone chime made with Web Audio (no sound file to ship), when the agent turned sound on. */
export function playChime() {
  if (!soundEnabled() || typeof AudioContext === 'undefined') return;
  const context = new AudioContext();
  const gain = context.createGain();
  gain.connect(context.destination);
  gain.gain.setValueAtTime(0.0001, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, context.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.5);
  [880, 1320].forEach((frequency, index) => {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(context.currentTime + index * 0.12);
    tone.stop(context.currentTime + 0.5);
  });
  setTimeout(() => void context.close(), 800);
}

/** What a visitor message says, as text (buttons and forms by their values). */
function contentText(content: MessageContent): string | null {
  if ('text' in content && typeof content.text === 'string' && content.text) return content.text;
  if (content.type === 'form_reply') return Object.values(content.values).join(', ');
  if ('label' in content && typeof content.label === 'string') return content.label;
  return null;
}

/** Names the visitor and quotes their newest message: "Jane Doe needs an agent" / “My order never came”. */
export async function alertNotification(kind: 'handoff' | 'message', conversationId: string, lastSeq: number) {
  const detail = await inboxApi.detail(conversationId, Math.max(0, lastSeq - 20));
  const said = detail.messages.filter((m) => m.author === 'visitor' && !m.internal).at(-1);
  return alertText(kind, visitorLabel(detail.visitor, conversationId), said ? contentText(said.content) : null);
}
