import type { ConversationStatus, FormField, InputType, VisitorConversation } from '@flowdesk/contract';
import type { SendContent } from '../core/outbox';
import { h } from './dom';
import { icon } from './icons';
import type { Translate } from './strings';

type Awaiting = VisitorConversation['awaiting'];

const INPUT_ATTRS: Record<Exclude<InputType, 'form' | 'text'>, Record<string, string>> = {
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  number: { type: 'number', inputmode: 'decimal' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  url: { type: 'url', inputmode: 'url', autocomplete: 'url' },
  date: { type: 'date' },
  datetime: { type: 'datetime-local' },
};

/** What SendMessageRequest takes: a text message, and each value of a form reply. */
const MAX_TEXT = 5000;
const MAX_FIELD = 2000;

/** A text box grows with what is typed (up to its CSS max-height, then it scrolls) and shrinks back when sent. */
function fitToText(field: HTMLTextAreaElement | HTMLInputElement): void {
  if (!(field instanceof HTMLTextAreaElement)) return;
  field.style.height = 'auto';
  // Not laid out (the panel is closed): its natural height until the next input.
  if (field.scrollHeight === 0) return;
  // border-box: the height includes the borders, which scrollHeight leaves out.
  field.style.height = `${field.scrollHeight + field.offsetHeight - field.clientHeight}px`;
}

export interface ComposerEvents {
  send(content: SendContent): void;
  typing(): void;
  startAgain(): void;
}

let uid = 0;

/**
 * The input area, shaped by what the bot waits for: quick replies, a typed field with the right
 * keyboard (validation stays with the flow, so `novalidate`), a form, free text, or "start again".
 */
export class Composer {
  readonly el = h('div', { class: 'composer' });
  private signature = '';

  constructor(
    private readonly t: Translate,
    private readonly on: ComposerEvents,
  ) {}

  /** `loading`: no conversation yet, so nothing can be sent. */
  update(awaiting: Awaiting, status: ConversationStatus | undefined, loading = false): void {
    const signature = JSON.stringify([awaiting, status === 'resolved', loading]);
    if (signature === this.signature) return;
    this.signature = signature;
    const root = this.el.getRootNode() as ShadowRoot | Document;
    const hadFocus = this.el.contains(root.activeElement);
    const before = this.messageField();
    const typing = before !== null && root.activeElement === before;
    const draft = before ? { text: before.value, start: before.selectionStart, end: before.selectionEnd } : null;
    this.el.replaceChildren(...(loading ? [] : this.build(awaiting, status)));
    // What the visitor was typing when the bot's next step arrived stays in the box, caret and focus included:
    // focus landing on a button instead would send a quick reply on their next space.
    const after = this.messageField();
    if (after && draft?.text) {
      after.value = draft.text;
      fitToText(after);
    }
    if (after && typing) {
      after.focus();
      // selectionStart is null on fields without a caret API (email, number): those keep the browser's.
      if (draft?.text && after.value === draft.text && after.selectionStart !== null && draft.start !== null) {
        after.setSelectionRange(draft.start, draft.end);
      }
    } else if (hadFocus) this.focus();
  }

  /** The free-text or typed field of the reply form, when the composer shows one. */
  private messageField(): HTMLTextAreaElement | HTMLInputElement | null {
    return this.el.querySelector<HTMLTextAreaElement | HTMLInputElement>('form.reply [name="message"]');
  }

  focus(): void {
    this.el.querySelector<HTMLElement>('input, textarea, button')?.focus();
  }

  private build(awaiting: Awaiting, status: ConversationStatus | undefined): HTMLElement[] {
    const { t } = this;
    if (status === 'resolved') {
      return [
        h('p', { class: 'resolved' }, t('resolved')),
        h('button', { type: 'button', class: 'primary', onclick: () => this.on.startAgain() }, t('startAgain')),
      ];
    }
    if (awaiting?.type === 'choice') {
      const choices = h(
        'div',
        { class: 'choices', role: 'group', 'aria-label': awaiting.text ?? t('choose') },
        ...awaiting.options.map((o) =>
          h(
            'button',
            {
              type: 'button',
              class: 'choice',
              onclick: () => this.on.send({ type: 'choice_reply', optionId: o.id, label: o.label }),
            },
            o.label,
          ),
        ),
      );
      // The visitor can always type: a label picks its button, else intents, else the step's no-match path.
      return [choices, this.textForm('text')];
    }
    if (awaiting?.type === 'input' && awaiting.inputType === 'form' && awaiting.fields?.length) {
      return [this.fieldsForm(awaiting.fields)];
    }
    if (awaiting?.type === 'input') return [this.textForm(awaiting.inputType, awaiting.placeholder, awaiting.prompt)];
    return [this.textForm('text')];
  }

  private textForm(type: InputType, placeholder?: string, label?: string): HTMLFormElement {
    const { t } = this;
    const id = `fd-input-${++uid}`;
    const attrs = {
      id,
      name: 'message',
      dir: 'auto',
      placeholder: placeholder ?? t('placeholder'),
      oninput: () => {
        fitToText(field);
        this.on.typing();
      },
    };
    // The public API's limits: longer text would be refused and shown as not sent.
    const field =
      type === 'text' || type === 'form'
        ? h('textarea', { ...attrs, rows: 1, maxlength: MAX_TEXT })
        : h('input', { ...attrs, ...INPUT_ATTRS[type], maxlength: MAX_TEXT });
    const submit = () => {
      const text = field.value.trim();
      if (!text) return;
      this.on.send({ type: 'text', text });
      field.value = '';
      fitToText(field);
    };
    if (field instanceof HTMLTextAreaElement) {
      field.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          submit();
        }
      });
    }
    return h(
      'form',
      {
        class: 'reply',
        novalidate: true,
        onsubmit: (e: Event) => {
          e.preventDefault();
          submit();
        },
      },
      h('label', { for: id, class: 'sr-only' }, label ?? t('placeholder')),
      field,
      h('button', { type: 'submit', class: 'send', 'aria-label': t('send'), title: t('send') }, icon('send')),
    );
  }

  private fieldsForm(fields: FormField[]): HTMLFormElement {
    const inputs = fields.map((f) => {
      const id = `fd-field-${++uid}`;
      const input = h('input', {
        id,
        name: f.name,
        placeholder: f.placeholder,
        'aria-required': f.required ? 'true' : null,
        maxlength: MAX_FIELD,
        ...(f.inputType === 'text' ? { type: 'text' } : INPUT_ATTRS[f.inputType]),
      });
      const label = h('label', { for: id }, f.label, f.required ? '' : ` ${this.t('optional')}`);
      return { f, input, row: h('div', { class: 'field' }, label, input) };
    });
    const submit = (e: Event) => {
      e.preventDefault();
      const missing = inputs.find(({ f, input }) => f.required && !input.value.trim());
      for (const { input } of inputs) input.removeAttribute('aria-invalid');
      if (missing) {
        missing.input.setAttribute('aria-invalid', 'true');
        missing.input.focus();
        return;
      }
      const values: Record<string, string> = {};
      for (const { f, input } of inputs) if (input.value.trim()) values[f.name] = input.value.trim();
      this.on.send({ type: 'form_reply', values });
    };
    return h(
      'form',
      { class: 'fields', novalidate: true, onsubmit: submit },
      ...inputs.map((i) => i.row),
      h('button', { type: 'submit', class: 'primary' }, this.t('submit')),
    );
  }
}
