import { h } from '../ui/dom';
import { icon } from '../ui/icons';

export const LAUNCHER_CSS = `
:host{all:initial}
.fd-root{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2330;-webkit-font-smoothing:antialiased}
.fd-root *,.fd-root *::before,.fd-root *::after{box-sizing:border-box}
.launcher{all:unset;position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;display:grid;place-items:center;cursor:pointer;background:var(--fd-primary);color:var(--fd-on-primary);box-shadow:0 6px 24px rgba(15,20,40,.25);transition:transform .15s}
.left .launcher{right:auto;left:20px}
.pending .launcher{visibility:hidden}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline:3px solid #2563eb;outline-offset:3px}
.launcher svg{width:26px;height:26px}
.badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#d92d20;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center;box-sizing:border-box}
.badge[hidden]{display:none}
@media (max-width:480px),(max-height:500px){.open .launcher{display:none}}
@media (prefers-reduced-motion:reduce){.launcher{transition:none}}
`;

export interface LauncherLabels {
  open: string;
  close: string;
  /** `{count}` is replaced by the number of unread messages. */
  unread: string;
}

export interface Launcher {
  button: HTMLButtonElement;
  setOpen(open: boolean): void;
  setUnread(count: number): void;
  /** The bot's own texts, known once the chat chunk has its settings. */
  setLabels(labels: LauncherLabels): void;
}

export function createLauncher(initial: LauncherLabels, onClick: () => void): Launcher {
  const labels = { ...initial };
  let unread = 0;
  const badge = h('span', { class: 'badge', hidden: true });
  const button = h('button', {
    type: 'button',
    class: 'launcher',
    'aria-label': labels.open,
    'aria-expanded': 'false',
    'aria-haspopup': 'dialog',
    onclick: onClick,
  });
  button.append(icon('chat'), badge);
  const launcher: Launcher = {
    button,
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute('aria-label', open ? labels.close : labels.open);
      button.replaceChildren(icon(open ? 'close' : 'chat'), badge);
    },
    setUnread(count) {
      unread = count;
      badge.hidden = count <= 0;
      badge.textContent = count > 99 ? '99+' : String(count);
      const base = button.getAttribute('aria-expanded') === 'true' ? labels.close : labels.open;
      button.setAttribute(
        'aria-label',
        count > 0 ? `${base} (${labels.unread.replace('{count}', String(count))})` : base,
      );
    },
    setLabels(next) {
      Object.assign(labels, next);
      launcher.setUnread(unread);
    },
  };
  return launcher;
}
