import type { CsatState } from '@flowdesk/contract';
import { h } from './dom';
import type { Translate } from './strings';

export interface CsatApi {
  state(): Promise<CsatState>;
  rate(score: number): Promise<CsatState>;
  comment(text: string): Promise<CsatState>;
}

/**
 * After a resolution the bot asks about: score buttons (1–5 stars or thumbs), then an optional comment,
 * then a thank-you line. Each step is sent at once, so a visitor who closes the chat still counts.
 */
export function csatPrompt(t: Translate, api: CsatApi): HTMLElement {
  const box = h('section', { class: 'csat', 'aria-labelledby': 'fd-csat-title', hidden: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const hasFocus = () => box.contains((box.getRootNode() as ShadowRoot | Document).activeElement);
  const thanks = (takeFocus = hasFocus()) => {
    const line = h('p', { class: 'csat-thanks', role: 'status', tabindex: '-1' }, t('csatThanks'));
    box.replaceChildren(line);
    // The focused Send or Skip is gone: focus left on the page would take Escape and Tab out of the chat.
    if (takeFocus) line.focus();
  };
  const commentStep = () => {
    const text = h('textarea', { id: 'fd-csat-comment', rows: 3, maxlength: 1000 });
    const send = h('button', { type: 'submit', class: 'primary' }, t('send'));
    const form = h(
      'form',
      { class: 'csat-comment', novalidate: true },
      h('p', { class: 'csat-thanks', role: 'status' }, t('csatThanks')),
      h('label', { for: 'fd-csat-comment' }, t('csatComment'), ` ${t('optional')}`),
      text,
      error,
      h(
        'div',
        { class: 'csat-actions' },
        send,
        h('button', { type: 'button', class: 'link', onclick: () => thanks() }, t('csatSkip')),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return thanks();
      // Asked before Send is disabled, which takes its focus away.
      const focused = hasFocus();
      send.disabled = true;
      try {
        await api.comment(text.value.trim());
        thanks(focused);
      } catch {
        error.textContent = t('loadFailed');
        send.disabled = false;
      }
    });
    box.replaceChildren(form);
    text.focus();
  };
  const scoreStep = (state: CsatState) => {
    const choices =
      state.scale === 'thumbs'
        ? [
            { score: 5, text: '👍', label: t('csatGood') },
            { score: 1, text: '👎', label: t('csatBad') },
          ]
        : [1, 2, 3, 4, 5].map((score) => ({ score, text: '★', label: t('csatStars', { score }) }));
    const buttons = choices.map((choice) =>
      h(
        'button',
        { type: 'button', class: 'csat-score', 'aria-label': choice.label, title: choice.label },
        choice.text,
      ),
    );
    buttons.forEach((button, index) => {
      button.addEventListener('click', async () => {
        for (const other of buttons) other.disabled = true;
        try {
          await api.rate(choices[index]!.score);
          commentStep();
        } catch {
          error.textContent = t('loadFailed');
          for (const other of buttons) other.disabled = false;
        }
      });
      // Stars light up to the one pointed at.
      if (state.scale !== 'thumbs') {
        const light = (upTo: number) => {
          for (const [i, b] of buttons.entries()) b.classList.toggle('lit', i <= upTo);
        };
        button.addEventListener('mouseenter', () => light(index));
        button.addEventListener('mouseleave', () => light(-1));
      }
    });
    box.replaceChildren(
      h('p', { id: 'fd-csat-title', class: 'csat-title' }, t('csatQuestion')),
      h('div', { class: 'csat-scores', role: 'group', 'aria-labelledby': 'fd-csat-title' }, ...buttons),
      error,
    );
  };
  api
    .state()
    .then((state) => {
      if (!state.asked) return;
      box.hidden = false;
      if (state.score === null) scoreStep(state);
      else thanks();
    })
    .catch(() => {});
  return box;
}
