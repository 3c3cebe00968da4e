import type { BlockType } from '@flowdesk/flow-schema';
import { useEffect, useRef } from 'react';
import { ENTRY_TYPES } from '../model/graph-ops';
import { Palette } from './Palette';

/**
 * The palette, opened where a connection was dropped on empty canvas: the block picked there is
 * added at that spot and connected to the output the connection came from.
 */
export function BlockPicker({
  at,
  hasStart,
  onPick,
  onClose,
}: {
  /** Where to open, relative to the canvas's top-left corner. */
  at: { left: number; top: number };
  hasStart: boolean;
  onPick: (type: BlockType) => void;
  onClose: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [onClose]);
  return (
    <div ref={box} className="block-picker" style={at} role="dialog" aria-label="Add a block here">
      <Palette
        onAdd={onPick}
        hasStart={hasStart}
        only={(type) => !ENTRY_TYPES.has(type)}
        autoFocus
        label="Pick the next block"
      />
    </div>
  );
}
