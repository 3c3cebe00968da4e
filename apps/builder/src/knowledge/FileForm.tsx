import { KNOWLEDGE_UPLOAD_MAX_BYTES, KnowledgeFileQuery, type KnowledgeSource } from '@flowdesk/contract';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';
import { FormProblems, useSaveSource } from './fields';
import { problemsFromIssues } from './form-problems';

const FIELDS = ['file', 'name', 'title'] as const;
const ACCEPT = '.pdf,.docx,.md,.markdown,.html,.htm,.txt';
const MEGABYTES = KNOWLEDGE_UPLOAD_MAX_BYTES / 1024 / 1024;

/** Uploads a PDF, DOCX, Markdown, HTML or TXT file's bytes under its own name. */
export function FileForm({ onAdded }: { onAdded: (source: KnowledgeSource) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { problems, setProblems, busy, run } = useSaveSource(onAdded);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblems({ fields: { file: 'Choose a file' }, form: [] });
    // The server's own rules first (its query schema and size bound), so nothing is sent that it would refuse.
    const query = KnowledgeFileQuery.safeParse({ name: file.name, title: title.trim() || undefined });
    if (!query.success) return setProblems(problemsFromIssues(query.error.issues, FIELDS));
    if (file.size > KNOWLEDGE_UPLOAD_MAX_BYTES)
      return setProblems({ fields: { file: `${file.name} is larger than ${MEGABYTES} MB` }, form: [] });
    const sent = await run(() => knowledgeApi.upload(api, file, query.data.name, query.data.title), FIELDS, {});
    if (sent) {
      setFile(null);
      setTitle('');
      if (input.current) input.current.value = '';
    }
  }

  return (
    <form className="kb-form" noValidate onSubmit={submit} aria-label="Upload a file">
      <Field
        label="File"
        // `name` is the server's word for the file (its type is read from the name's extension).
        error={problems.fields.file ?? problems.fields.name}
        hint={`PDF, DOCX, Markdown, HTML or TXT, at most ${MEGABYTES} MB.`}
      >
        {(props) => (
          <input
            {...props}
            ref={input}
            type="file"
            accept={ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblems({ fields: {}, form: [] });
            }}
          />
        )}
      </Field>
      <Field label="Title" error={problems.fields.title} hint="The file's name when left empty.">
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <FormProblems problems={problems} label="Problems with the file" />
      <SubmitButton busy={busy} label="Upload file" busyLabel="Uploading…" />
    </form>
  );
}
