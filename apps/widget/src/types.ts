import type { Message, VisitorConversation } from '@flowdesk/contract';

export type VariableValue = string | number | boolean;
export type Variables = Record<string, VariableValue>;
export interface VisitorIdentity {
  name?: string;
  email?: string;
}

/** `window.FlowdeskConfig`, written by the host page before the loader script. */
export interface FlowdeskConfig {
  botId: string;
  runtimeUrl: string;
  theme?: { primaryColor?: string };
  position?: 'left' | 'right';
  greeting?: string;
  variables?: Variables;
  visitor?: VisitorIdentity;
  /** Overrides for any UI string (see ui/strings.ts), e.g. for another language. */
  strings?: Record<string, string>;
  /**
   * Set by the loader from the page's `?flowdesk_continue=` (an email's "continue the chat" link): the chat
   * opens that conversation, with its history, in this browser.
   */
  continueToken?: string;
}

export type WidgetEventName = 'open' | 'close' | 'message' | 'handoff' | 'resolved';
export interface WidgetEventPayloads {
  open: undefined;
  close: undefined;
  message: Message;
  handoff: VisitorConversation;
  resolved: VisitorConversation;
}
export type WidgetListener<E extends WidgetEventName = WidgetEventName> = (payload: WidgetEventPayloads[E]) => void;

/** One thing the page said about its visitor, unchecked (the chat checks it: sdk/page-details.ts). */
export interface PageDetails {
  variables?: unknown;
  visitor?: unknown;
}

/** What the loader hands to the lazily loaded chat chunk. */
export interface ChatHost {
  root: ShadowRoot;
  config: FlowdeskConfig;
  /** What the page said before the chat chunk loaded (FlowdeskConfig, then setVariables/identify), in order. */
  pageDetails: PageDetails[];
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventPayloads[E]): void;
  setUnread(count: number): void;
  /** The launcher's texts once the bot's settings are known (page config still wins). */
  setLabels(labels: { open: string; close: string; unread: string }): void;
  /** The panel asks to close (Escape, close button); the loader owns open/closed state. */
  requestClose(): void;
  /** Where focus goes back to when the panel closes. */
  launcher: HTMLElement;
}

/** What the chat chunk gives back to the loader. */
export interface ChatController {
  /** Starts the session without opening, so replies to a returning visitor raise the unread badge. */
  connect(): void;
  open(): void;
  close(): void;
  setVariables(variables: Variables): void;
  identify(visitor: VisitorIdentity): void;
  destroy(): void;
}

export interface ChatModule {
  mount(host: ChatHost): ChatController;
}

declare global {
  interface Window {
    FlowdeskConfig?: FlowdeskConfig;
    Flowdesk?: unknown;
    /** Set by the first loader that runs, so a snippet included twice boots one widget. */
    __flowdeskBooted?: boolean;
    /** Set by dist/chat.js when it has loaded. */
    __flowdeskChat?: ChatModule;
  }
}
