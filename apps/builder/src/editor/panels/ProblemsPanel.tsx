import type { Problem } from '@flowdesk/flow-schema';
import { Icon } from '../../ui/icons';
import { useEditor } from '../editor-context';

export function ProblemList({ problems, compact = false }: { problems: Problem[]; compact?: boolean }) {
  const { focusBlock } = useEditor();
  return (
    <ul className={compact ? 'problem-list compact' : 'problem-list'}>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed lists without ids
        <li key={index} className={`problem problem-${problem.severity}`}>
          <Icon name="alert" size={14} />
          {problem.blockId && !compact ? (
            <button type="button" className="link-button" onClick={() => focusBlock(problem.blockId!)}>
              {problem.message}
            </button>
          ) : (
            <span>{problem.message}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ProblemsPanel() {
  const { problems } = useEditor();
  if (problems.length === 0) {
    return (
      <div className="panel-empty">
        <p>
          <Icon name="check" /> No problems. This flow is ready to publish.
        </p>
      </div>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <div className="panel-section">
      {errors.length > 0 ? (
        <>
          <h3>Errors — fix these before publishing ({errors.length})</h3>
          <ProblemList problems={errors} />
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3>Warnings ({warnings.length})</h3>
          <ProblemList problems={warnings} />
        </>
      ) : null}
      <p className="hint">Click a problem to select its block.</p>
    </div>
  );
}
