import type { Problem } from '@flowdesk/flow-schema';
import { Icon } from '../../ui/icons';
import { useEditor } from '../editor-context';
import { applyFix, problemFix } from '../model/problem-fixes';
import './problems.css';

export function ProblemList({ problems, compact = false }: { problems: Problem[]; compact?: boolean }) {
  const { focusBlock } = useEditor();
  return (
    <ul className={compact ? 'problem-list compact' : 'problem-list'}>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed lists without ids
        <li key={index} className={`problem problem-${problem.severity}`}>
          <Icon name="alert" size={14} />
          <div className="problem-body">
            {problem.blockId && !compact ? (
              <button type="button" className="link-button" onClick={() => focusBlock(problem.blockId!)}>
                {problem.message}
              </button>
            ) : (
              <span>{problem.message}</span>
            )}
            <FixButton problem={problem} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The problem's one-click fix, when it has one (one undo step). */
function FixButton({ problem }: { problem: Problem }) {
  const { doc, dispatch, readOnly, focusBlock } = useEditor();
  const fix = readOnly ? null : problemFix(doc, problem);
  if (!fix) return null;
  const onClick = () => {
    const result = applyFix(fix, doc);
    dispatch({ type: 'apply', edit: () => result });
    // A block the fix inserted is shown where it landed, its settings open.
    const inserted = 'select' in result ? result.doc.blocks.find((b) => b.id === result.select[0]) : undefined;
    if (inserted) focusBlock(inserted.id, inserted.position);
  };
  return (
    <button type="button" className="btn btn-sm problem-fix" onClick={onClick}>
      <Icon name="check" size={14} /> {fix.label}
    </button>
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
