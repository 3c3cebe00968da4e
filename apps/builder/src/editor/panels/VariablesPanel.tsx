import { blockTitle } from '@flowdesk/flow-schema';
import { useMemo, useState } from 'react';
import { Icon } from '../../ui/icons';
import { TableHead } from '../../ui/TableHead';
import { useEditor } from '../editor-context';
import { variableIndex } from '../model/variables';

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

export function VariablesPanel({ live }: { live?: Record<string, unknown> }) {
  const { doc, dispatch, readOnly } = useEditor();
  const index = useMemo(() => variableIndex(doc), [doc]);
  const [name, setName] = useState('');

  function declare() {
    const trimmed = name.trim();
    if (!trimmed || doc.variables.some((v) => v.name === trimmed)) return;
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
            onChange={(e) => setName(e.target.value)}
            pattern="[A-Za-z_][A-Za-z0-9_]*"
          />
          <button type="submit" className="btn btn-sm">
            Declare
          </button>
        </form>
      )}
    </div>
  );
}
