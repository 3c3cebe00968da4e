import type { ReactNode } from 'react';

const MAX_DEPTH = 4;

/** "order_id" / "orderId" → "Order id": the variable as a person reads it (the exact name stays in the tooltip). */
export function humanKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

const isPlain = (value: unknown): value is string | number | boolean | null | undefined =>
  value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

function plainText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** One value as text or a nested list: lists of words joined by commas, objects as their own key/value list. */
function ValueView({ value, depth }: { value: unknown; depth: number }): ReactNode {
  if (isPlain(value)) return plainText(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every(isPlain)) return value.map((item) => plainText(item)).join(', ');
    return (
      <ol className="kv-list">
        {value.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity besides their place.
          <li key={index}>
            <ValueView value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (depth >= MAX_DEPTH) return '…';
  return <KeyValues values={value as Record<string, unknown>} depth={depth + 1} />;
}

function KeyValues({ values, depth }: { values: Record<string, unknown>; depth: number }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return '—';
  return (
    <dl className={depth > 0 ? 'kv kv-nested' : 'kv'}>
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt title={key}>{humanKey(key)}</dt>
          <dd>
            <ValueView value={value} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Variables (captured by the bot, or set by the website) as a readable key/value list, never raw JSON. */
export function VariableList({ title, values }: { title: string; values: Record<string, unknown> }) {
  return (
    <section className="panel-section" aria-label={title}>
      <h3>{title}</h3>
      {Object.keys(values).length === 0 ? <p className="hint">None yet.</p> : <KeyValues values={values} depth={0} />}
    </section>
  );
}
