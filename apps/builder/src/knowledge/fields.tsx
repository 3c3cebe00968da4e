import { CreateKnowledgeSourceRequest, type KnowledgeSource, type KnowledgeSourceContent } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import { knowledgeApi } from '../api/knowledge';
import { useToast } from '../app/toasts';
import { SubmitButton } from '../ui/SubmitButton';
import { NO_PROBLEMS, type Problems, problemsFromError, problemsFromIssues } from './form-problems';

/** The form's own problems (the server's message, issues of no shown field), announced when they appear. */
export function FormProblems({ problems, label }: { problems: Problems; label: string }) {
  const count = problems.form.length + Object.keys(problems.fields).length;
  if (count === 0) return null;
  return (
    <div className="form-error kb-form-error" role="alert" aria-label={label}>
      {problems.form.length === 0 ? (
        <p>Check the highlighted {count === 1 ? 'field' : 'fields'}.</p>
      ) : (
        <ul>
          {problems.form.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The source is no longer on the server (deleted in another tab or by another admin). */
export const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

/** A form editing a source instead of adding one: the source's id and what it holds now. */
export interface Editing<K extends KnowledgeSourceContent['kind']> {
  id: string;
  content: Extract<KnowledgeSourceContent, { kind: K }>;
}

/** What a Q&A, text or website form is given: where a saved source goes, and the source it edits, if any. */
export interface SourceFormProps<K extends KnowledgeSourceContent['kind']> {
  onAdded: (source: KnowledgeSource) => void;
  editing?: Editing<K>;
  onCancel?: () => void;
}

const GONE_WHILE_EDITING =
  'This source was deleted meanwhile (in another tab or by another admin). Your changes are still here: copy them into a new source.';

/**
 * Sends a new source, or an edited one (`editingId`): checked first with the contract's own schema (problems beside
 * the fields, nothing sent), then saved; the server's 400 issues land beside the same fields.
 */
export function useSaveSource(onSaved: (source: KnowledgeSource) => void, editingId?: string) {
  const toast = useToast();
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);

  async function run(
    send: () => Promise<KnowledgeSource>,
    fields: readonly string[],
    labels: Record<string, string>,
  ): Promise<boolean> {
    setBusy(true);
    try {
      const source = await send();
      setProblems(NO_PROBLEMS);
      onSaved(source);
      toast.success(
        editingId ? `Saved “${source.title}”; indexing again` : `Added “${source.title}”; indexing has started`,
      );
      return true;
    } catch (error) {
      if (editingId && isGone(error)) setProblems({ fields: {}, form: [GONE_WHILE_EDITING] });
      else setProblems(problemsFromError(error, fields, labels));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Checks `value` with CreateKnowledgeSourceRequest and creates (or saves) it; true when it was. */
  async function create(value: unknown, fields: readonly string[], labels: Record<string, string> = {}) {
    const parsed = CreateKnowledgeSourceRequest.safeParse(value);
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, fields, labels));
      return false;
    }
    return run(
      () => (editingId ? knowledgeApi.update(api, editingId, parsed.data) : knowledgeApi.create(api, parsed.data)),
      fields,
      labels,
    );
  }

  return { problems, setProblems, busy, create, run };
}

/**
 * The end of an add or edit form of `noun` (e.g. "text"): its problems, Cancel while editing, and the button that
 * sends it ("Add text", or "Save changes" while editing).
 */
export function FormEnd({
  noun,
  problems,
  busy,
  editing,
  onCancel,
}: {
  noun: string;
  problems: Problems;
  busy: boolean;
  editing: boolean;
  onCancel?: () => void;
}) {
  return (
    <>
      <FormProblems problems={problems} label={`Problems with the ${noun}`} />
      <div className="row kb-form-end">
        {editing && onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <SubmitButton
          busy={busy}
          label={editing ? 'Save changes' : `Add ${noun}`}
          busyLabel={editing ? 'Saving…' : 'Adding…'}
        />
      </div>
    </>
  );
}
