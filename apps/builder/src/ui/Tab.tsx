import type { ReactNode } from 'react';

/** One button of a tablist: announces whether it is the selected tab, and is styled `active` when it is. */
export function Tab({
  selected,
  onSelect,
  className,
  id,
  controls,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  className?: string;
  id?: string;
  /** The id of the tabpanel it shows. */
  controls?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={selected}
      aria-controls={controls}
      className={[className, selected ? 'active' : null].filter(Boolean).join(' ')}
      onClick={onSelect}
    >
      {children}
    </button>
  );
}
