import { CreateKnowledgeSourceRequest, type KnowledgeSource } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { useToast } from '../app/toasts';
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

/**
 * Sends a new source: checked first with the contract's own schema (problems beside the fields, nothing sent),
 * then created; the server's 400 issues land beside the same fields.
 */
export function useCreateSource(onAdded: (source: KnowledgeSource) => void) {
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
      onAdded(source);
      toast.success(`Added “${source.title}”; indexing has started`);
      return true;
    } catch (error) {
      setProblems(problemsFromError(error, fields, labels));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Checks `value` with CreateKnowledgeSourceRequest and creates it; true when created. */
  async function create(value: unknown, fields: readonly string[], labels: Record<string, string> = {}) {
    const parsed = CreateKnowledgeSourceRequest.safeParse(value);
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, fields, labels));
      return false;
    }
    return run(() => knowledgeApi.create(api, parsed.data), fields, labels);
  }

  return { problems, setProblems, busy, create, run };
}
