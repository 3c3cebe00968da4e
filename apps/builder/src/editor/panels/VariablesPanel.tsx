import { blockTitle, VariableName } from '@flowdesk/flow-schema';
import { useId, useMemo, useState } from 'react';
import { Icon } from '../../ui/icons';
import { TableHead } from '../../ui/TableHead';
import { useEditor } from '../editor-context';
import { type VariableInfo, variableIndex } from '../model/variables';

function BlockLinks({ ids }: { ids: string[] }) {
  const { doc, focusBlock } = useEditor();
  if (ids.length === 0) return <span className="hint">nowhere</span>;
  return (
    <>
      {ids.map((id) => {
        const block = doc.blocks.find((b) => b.id === id);
        const label = block ? blockTitle(block) : id;
        return (
          <button key={id} type="button" className="chip" onClick={() => focusBlock(id)}>
            {label}
          </button>
        );
      })}
    </>
  );
}

/** Why `name` cannot be declared (the flow would not save it, or has it already), or null. */
function declareProblem(name: string, index: VariableInfo[]): string | null {
  if (!VariableName.safeParse(name).success)
    return 'Use up to 64 letters, digits and "_", starting with a letter or "_" (no spaces).';
  const known = index.find((v) => v.name === name);
  if (known?.builtin) return `"${name}" is built in: every flow has it.`;
  if (known?.declared) return `"${name}" is declared already.`;
  return null;
}

export function VariablesPanel({ live }: { live?: Record<string, unknown> }) {
  const { doc, dispatch, readOnly } = useEditor();
  const index = useMemo(() => variableIndex(doc), [doc]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  function declare() {
    const trimmed = name.trim();
    if (!trimmed) return;
    const problem = declareProblem(trimmed, index);
    setError(problem);
    if (problem) return;
    dispatch({ type: 'apply', edit: (d) => ({ ...d, variables: [...d.variables, { name: trimmed }] }) });
    setName('');
  }

  return (
    <div className="panel-section">
      <p className="hint">
        Variables hold what the visitor said or what the flow found out. Insert them in texts as {'{{name}}'}.
      </p>
      <table className="variables-table">
        <TableHead columns={['Variable', 'Set by', 'Used by']} />
        <tbody>
          {index.map((v) => (
            <tr key={v.name}>
              <td>
                <code>{v.name}</code>
                {v.builtin ? <small className="hint"> built in</small> : null}
                {live && v.name in live ? <div className="live-value">= {JSON.stringify(live[v.name])}</div> : null}
                {v.declared && !readOnly ? (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    aria-label={`Remove variable ${v.name}`}
                    onClick={() =>
                      dispatch({
                        type: 'apply',
                        edit: (d) => ({ ...d, variables: d.variables.filter((x) => x.name !== v.name) }),
                      })
                    }
                  >
                    <Icon name="trash" size={12} />
                  </button>
                ) : null}
              </td>
              <td>{v.builtin ? <span className="hint">the last message</span> : <BlockLinks ids={v.setBy} />}</td>
              <td>
                <BlockLinks ids={v.usedBy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {readOnly ? null : (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            declare();
          }}
        >
          <input
            aria-label="New variable name"
            placeholder="new_variable"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="btn btn-sm">
            Declare
          </button>
        </form>
      )}
      {error ? (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
