interface Suggestion {
  id: string;
  label: string;
  hint: string;
}

/** The pop-up list of canned responses or teammates above the reply box. */
export function Suggestions<T extends Suggestion>({
  items,
  active,
  onPick,
}: {
  items: T[];
  active: number;
  onPick(item: T): void;
}) {
  return (
    <ul className="composer-suggestions" aria-label="Suggestions">
      {items.map((item, index) => (
        <li key={item.id}>
          <button
            type="button"
            tabIndex={-1}
            className={index === active ? 'active' : ''}
            aria-current={index === active ? 'true' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(item);
            }}
          >
            <strong>{item.label}</strong>
            <span>{item.hint}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
