import type { FlowDocument, Position, Problem } from '@flowdesk/flow-schema';
import { createContext, type Dispatch } from 'react';
import { useRequiredContext } from '../ui/required-context';
import type { EditorAction, Selection } from './model/editor-state';

export interface Team {
  id: string;
  name: string;
  /** Members' user ids (the admin teams API sends them). */
  memberIds?: string[];
  /** Handoffs without a team go to the default team. */
  isDefault?: boolean;
}

export interface EditorContextValue {
  doc: FlowDocument;
  dispatch: Dispatch<EditorAction>;
  selection: Selection;
  problems: Problem[];
  /** Variable names offered for `{{insertion}}`. */
  variables: string[];
  teams: Team[];
  readOnly: boolean;
  /** Selects a block and brings it into view (`at`: its position, for a block added in this same event). */
  focusBlock(blockId: string, at?: Position): void;
  /** Opens a side panel tab (e.g. the intents manager from a block form). */
  openPanel(panel: PanelId): void;
}

export type PanelId = 'inspector' | 'problems' | 'variables' | 'intents' | 'preview';

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  return useRequiredContext(EditorContext, 'useEditor outside the flow editor');
}
