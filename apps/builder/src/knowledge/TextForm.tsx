import { type FormEvent, useState } from 'react';
import { Field } from '../ui/Field';
import { FormEnd, type SourceFormProps, useSaveSource } from './fields';

const FIELDS = ['title', 'text', 'url'] as const;
const initial = { title: '', text: '', url: '' };

/** Any text (Markdown works), with an optional link visitors can follow from an answer citing it. */
export function TextForm({ onAdded, editing, onCancel }: SourceFormProps<'text'>) {
  const [form, setForm] = useState(() =>
    editing ? { title: editing.content.title, text: editing.content.text, url: editing.content.url ?? '' } : initial,
  );
  const { problems, busy, create } = useSaveSource(onAdded, editing?.id);
  const set = (patch: Partial<typeof initial>) => setForm((f) => ({ ...f, ...patch }));
  const error = problems.fields;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const url = form.url.trim();
    const body = { kind: 'text', title: form.title, text: form.text, ...(url ? { url } : {}) };
    if ((await create(body, FIELDS)) && !editing) setForm(initial);
  }

  return (
    <form className="kb-form" noValidate onSubmit={submit} aria-label={editing ? 'Edit the text' : 'Add a text'}>
      <Field label="Title" error={error.title}>
        {(props) => <input {...props} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label="Text" error={error.text} hint="Plain text or Markdown.">
        {(props) => <textarea {...props} rows={8} value={form.text} onChange={(e) => set({ text: e.target.value })} />}
      </Field>
      <Field label="Link (optional)" error={error.url} hint="Where visitors can read more; cited with the answer.">
        {(props) => <input {...props} type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} />}
      </Field>
      <FormEnd noun="text" problems={problems} busy={busy} editing={Boolean(editing)} onCancel={onCancel} />
    </form>
  );
}
