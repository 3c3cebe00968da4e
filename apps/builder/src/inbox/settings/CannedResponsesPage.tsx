import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useToast } from '../../app/toasts';
import { SettingsTabs } from '../../bot/SettingsTabs';
import { DeleteDialog } from '../../ui/DeleteDialog';
import { Icon } from '../../ui/icons';
import { EmptyState, Loaded } from '../../ui/states';
import { TableHead } from '../../ui/TableHead';
import { useAsync } from '../../ui/use-async';
import { type CannedResponse, inboxApi } from '../inbox-api';

const blank = { shortcut: '', title: '', text: '' };

/** Saved replies the team inserts with `/shortcut` in the reply box. */
export function CannedResponsesPage() {
  const toast = useToast();
  const list = useAsync(() => inboxApi.canned(), []);
  const [editing, setEditing] = useState<(Omit<CannedResponse, 'id'> & { id?: string }) | null>(null);
  // Deleting is asked first: one click on the bin lost a saved reply with no way back.
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const { id, ...input } = editing;
    try {
      if (id) await inboxApi.updateCanned(id, input);
      else await inboxApi.createCanned(input);
      toast.success(`Saved /${input.shortcut}.`);
      setEditing(null);
      list.reload();
    } catch (error) {
      toast.error(error);
    }
  }

  /** The value and change handler that tie a text control to one field of the response being edited. */
  const bind = (key: keyof typeof blank) => ({
    value: editing?.[key] ?? '',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (editing) setEditing({ ...editing, [key]: event.target.value });
    },
  });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>Canned responses: type / in the reply box to insert one.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setEditing({ ...blank })}>
          <Icon name="plus" /> New response
        </button>
      </div>
      <SettingsTabs />
      {editing ? (
        <form className="card settings-section canned-form" onSubmit={save} aria-label="Canned response">
          <div className="row">
            <label className="field">
              <span>Shortcut</span>
              <input {...bind('shortcut')} required maxLength={40} pattern="[\w\-]+" />
            </label>
            <label className="field grow">
              <span>Title</span>
              <input {...bind('title')} required maxLength={120} />
            </label>
          </div>
          <label className="field">
            <span>Text</span>
            <textarea {...bind('text')} required maxLength={5000} rows={4} />
          </label>
          <div className="row">
            <button type="submit" className="btn btn-primary">
              Save
            </button>
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={`Delete /${deleting.shortcut}?`}
          confirmLabel="Delete"
          name={`/${deleting.shortcut}`}
          remove={() => inboxApi.deleteCanned(deleting.id)}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            list.reload();
          }}
        >
          “{deleting.title}” is no longer offered when your team types /{deleting.shortcut} in the reply box.
        </DeleteDialog>
      ) : null}
      <Loaded data={list}>
        {({ cannedResponses }) =>
          cannedResponses.length === 0 ? (
            <EmptyState title="No canned responses yet">
              Save answers you give often, then insert them with /shortcut.
            </EmptyState>
          ) : (
            <table className="table card">
              <TableHead columns={['Shortcut', 'Title', 'Text']} actions />
              <tbody>
                {cannedResponses.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <code>/{item.shortcut}</code>
                    </td>
                    <td>{item.title}</td>
                    <td>
                      <div className="canned-text">{item.text}</div>
                    </td>
                    <td>
                      <div className="row">
                        <button type="button" className="btn btn-sm" onClick={() => setEditing(item)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm btn-danger"
                          onClick={() => setDeleting(item)}
                          aria-label={`Delete /${item.shortcut}`}
                        >
                          <Icon name="trash" size={14} />
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
