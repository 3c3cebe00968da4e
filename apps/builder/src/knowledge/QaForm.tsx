import { type FormEvent, useState } from 'react';
import { Field } from '../ui/Field';
import { Icon } from '../ui/icons';
import { FormEnd, type SourceFormProps, useSaveSource } from './fields';

interface Pair {
  key: number;
  question: string;
  answer: string;
}

let nextKey = 1;
const blank = (): Pair => ({ key: nextKey++, question: '', answer: '' });

/** Questions with their answers, as many as needed; each pair stays together when searched. */
export function QaForm({ onAdded, editing, onCancel }: SourceFormProps<'qa'>) {
  const [title, setTitle] = useState(editing?.content.title ?? '');
  const [pairs, setPairs] = useState<Pair[]>(() =>
    editing ? editing.content.pairs.map((pair) => ({ ...blank(), ...pair })) : [blank()],
  );
  const { problems, busy, create } = useSaveSource(onAdded, editing?.id);
  const error = problems.fields;
  const update = (key: number, patch: Partial<Pair>) =>
    setPairs((list) => list.map((pair) => (pair.key === key ? { ...pair, ...patch } : pair)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = ['title', 'pairs', ...pairs.flatMap((_, i) => [`pairs.${i}.question`, `pairs.${i}.answer`])];
    const body = { kind: 'qa', title, pairs: pairs.map(({ question, answer }) => ({ question, answer })) };
    if ((await create(body, fields)) && !editing) {
      setTitle('');
      setPairs([blank()]);
    }
  }

  return (
    <form
      className="kb-form"
      noValidate
      onSubmit={submit}
      aria-label={editing ? 'Edit the questions and answers' : 'Add questions and answers'}
    >
      <Field label="Title" error={error.title} hint="E.g. Shipping FAQ">
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <ol className="kb-pairs" aria-label="Questions and answers">
        {pairs.map((pair, i) => (
          <li key={pair.key} className="kb-pair">
            <div className="kb-pair-fields">
              <Field label={`Question ${i + 1}`} error={error[`pairs.${i}.question`]}>
                {(props) => (
                  <input
                    {...props}
                    value={pair.question}
                    onChange={(e) => update(pair.key, { question: e.target.value })}
                  />
                )}
              </Field>
              <Field label={`Answer ${i + 1}`} error={error[`pairs.${i}.answer`]}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    value={pair.answer}
                    onChange={(e) => update(pair.key, { answer: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={`Remove question ${i + 1}`}
              disabled={pairs.length === 1}
              onClick={() => setPairs((list) => list.filter((p) => p.key !== pair.key))}
            >
              <Icon name="trash" />
            </button>
          </li>
        ))}
      </ol>
      {error.pairs ? <p className="field-error">{error.pairs}</p> : null}
      <div className="row">
        <button type="button" className="btn" onClick={() => setPairs((list) => [...list, blank()])}>
          <Icon name="plus" /> Add a question
        </button>
      </div>
      <FormEnd noun="questions" problems={problems} busy={busy} editing={Boolean(editing)} onCancel={onCancel} />
    </form>
  );
}
