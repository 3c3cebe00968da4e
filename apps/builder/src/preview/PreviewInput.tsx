import type { MessageContent } from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { Icon } from '../ui/icons';
import type { VisitorReply } from './preview-session';

const HTML_TYPES: Record<string, string> = {
  email: 'email',
  number: 'number',
  phone: 'tel',
  url: 'url',
  date: 'date',
  datetime: 'datetime-local',
};

/** What the visitor can answer right now: buttons, a typed answer of the asked kind, or a form. */
export function PreviewInput({
  awaiting,
  disabled,
  onReply,
}: {
  awaiting: MessageContent | null;
  disabled: boolean;
  onReply: (reply: VisitorReply) => void;
}) {
  const [text, setText] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});

  function sendText(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    onReply({ type: 'text', text: text.trim() });
    setText('');
  }

  if (awaiting?.type === 'input' && awaiting.inputType === 'form' && awaiting.fields) {
    const fields = awaiting.fields;
    return (
      <form
        className="preview-form"
        onSubmit={(e) => {
          e.preventDefault();
          onReply({ type: 'form_reply', values });
          setValues({});
        }}
      >
        {fields.map((field) => (
          <label key={field.name} className="field">
            <span>{field.label}</span>
            <input
              type={HTML_TYPES[field.inputType] ?? 'text'}
              required={field.required}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="btn btn-primary btn-sm" disabled={disabled}>
          Send
        </button>
      </form>
    );
  }

  const choice = awaiting?.type === 'choice' ? awaiting : null;
  const inputType = awaiting?.type === 'input' ? (HTML_TYPES[awaiting.inputType] ?? 'text') : 'text';
  return (
    <div className="preview-input">
      {choice ? (
        <div className="preview-choices">
          {choice.options.map((option) => (
            <button
              key={option.id}
              type="button"
              className="btn btn-sm"
              disabled={disabled}
              onClick={() => onReply({ type: 'choice_reply', optionId: option.id, label: option.label })}
            >
              {option.label}
            </button>
          ))}
        </div>
      ) : null}
      <form className="row" onSubmit={sendText}>
        <input
          className="grow"
          aria-label="Message to the bot"
          type={inputType}
          placeholder={awaiting?.type === 'input' ? (awaiting.placeholder ?? 'Type your answer') : 'Type a message'}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-primary btn-icon"
          aria-label="Send"
          disabled={disabled || !text.trim()}
        >
          <Icon name="send" size={16} />
        </button>
      </form>
    </div>
  );
}
