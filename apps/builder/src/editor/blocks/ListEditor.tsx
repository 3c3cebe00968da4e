import type { ReactNode } from 'react';
import { Icon } from '../../ui/icons';
import { useEditor } from '../editor-context';

interface ListEditorProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  renderItem: (item: T, update: (item: T) => void, index: number) => ReactNode;
  create: () => T;
  addLabel: string;
  itemName: string;
  max?: number;
  min?: number;
}

/** An editable list with add, remove and move up/down (buttons, headers, form fields, mappings…). */
export function ListEditor<T>({
  items,
  onChange,
  renderItem,
  create,
  addLabel,
  itemName,
  max = 50,
  min = 0,
}: ListEditorProps<T>) {
  const { readOnly } = useEditor();
  const replace = (index: number, item: T) => onChange(items.map((it, i) => (i === index ? item : it)));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item as T);
    onChange(next);
  };
  return (
    <div className="list-editor">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no stable id of their own while being edited
        <div className="list-item" key={index}>
          <div className="list-item-body">{renderItem(item, (next) => replace(index, next), index)}</div>
          {readOnly ? null : (
            <div className="list-item-actions">
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Move ${itemName} ${index + 1} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Move ${itemName} ${index + 1} down`}
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-danger"
                aria-label={`Remove ${itemName} ${index + 1}`}
                disabled={items.length <= min}
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                <Icon name="trash" size={14} />
              </button>
            </div>
          )}
        </div>
      ))}
      {readOnly || items.length >= max ? null : (
        <button type="button" className="btn btn-sm" onClick={() => onChange([...items, create()])}>
          <Icon name="plus" size={14} /> {addLabel}
        </button>
      )}
    </div>
  );
}
