import type { KnowledgeRefresh } from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { Field } from '../ui/Field';
import { labelledOptions, Select } from '../ui/Select';
import { type Editing, FormEnd, type SourceFormProps, useSaveSource } from './fields';
import { REFRESH_LABELS } from './source-view';

const FIELDS = ['url', 'title', 'mode', 'maxPages', 'maxDepth', 'refresh'] as const;
const LABELS = { url: 'URL', title: 'Title', mode: 'What to read', maxPages: 'Max pages', maxDepth: 'Max link depth' };

/** The number fields that bound reading a whole site. */
const SITE_LIMITS = [
  { key: 'maxPages', hint: '1 to 500', min: 1, max: 500 },
  { key: 'maxDepth', hint: '0 to 5 links away from this page', min: 0, max: 5 },
] as const;

const initial = { url: '', title: '', mode: 'page' as 'page' | 'site', maxPages: '50', maxDepth: '2' };

/** The form's fields for a saved website. */
const formOf = (web: Editing<'web'>['content']) => ({
  url: web.url,
  title: web.title,
  mode: web.mode,
  maxPages: String(web.maxPages),
  maxDepth: String(web.maxDepth),
});

/** A web page, or a whole site (its sitemap, else the links it follows), optionally read again on a schedule. */
export function WebsiteForm({ onAdded, editing, onCancel }: SourceFormProps<'web'>) {
  const [form, setForm] = useState(() => (editing ? formOf(editing.content) : initial));
  const [refresh, setRefresh] = useState<KnowledgeRefresh>(editing?.content.refresh ?? 'never');
  const { problems, busy, create } = useSaveSource(onAdded, editing?.id);
  const set = (patch: Partial<typeof initial>) => setForm((f) => ({ ...f, ...patch }));
  const error = problems.fields;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const site = form.mode === 'site';
    const added = await create(
      {
        kind: 'web',
        url: form.url.trim(),
        // No title given: the URL names the source.
        title: form.title.trim() || form.url.trim(),
        mode: form.mode,
        refresh,
        ...(site
          ? { maxPages: Number(form.maxPages || Number.NaN), maxDepth: Number(form.maxDepth || Number.NaN) }
          : {}),
      },
      FIELDS,
      LABELS,
    );
    if (added && !editing) {
      setForm(initial);
      setRefresh('never');
    }
  }

  return (
    <form className="kb-form" noValidate onSubmit={submit} aria-label={editing ? 'Edit the website' : 'Add a website'}>
      <Field label="URL" error={error.url} hint="The page to read, or the start of the site (http or https).">
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            placeholder="https://help.example.com/"
            value={form.url}
            onChange={(e) => set({ url: e.target.value })}
          />
        )}
      </Field>
      <Field label="Title" error={error.title} hint="Shown to visitors beside answers; the URL when left empty.">
        {(props) => <input {...props} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <fieldset className="kb-choice">
        <legend className="field-label">What to read</legend>
        <label className="checkbox">
          <input type="radio" name="mode" checked={form.mode === 'page'} onChange={() => set({ mode: 'page' })} />
          This page only
        </label>
        <label className="checkbox">
          <input type="radio" name="mode" checked={form.mode === 'site'} onChange={() => set({ mode: 'site' })} />
          The whole site (its sitemap, else the links from this page)
        </label>
      </fieldset>
      {form.mode === 'site' ? (
        <div className="row kb-row">
          {SITE_LIMITS.map(({ key, hint, min, max }) => (
            <Field key={key} label={LABELS[key]} error={error[key]} hint={hint}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={min}
                  max={max}
                  value={form[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      ) : null}
      <Field label="Refresh" error={error.refresh} hint="Read the pages again on their own to keep answers current.">
        {(props) => (
          <Select {...props} value={refresh} options={labelledOptions(REFRESH_LABELS)} onChange={setRefresh} />
        )}
      </Field>
      <FormEnd noun="website" problems={problems} busy={busy} editing={Boolean(editing)} onCancel={onCancel} />
    </form>
  );
}
