import { type Context, useContext } from 'react';

/** The value of a context a provider must give; throws `missing` when used outside that provider. */
export function useRequiredContext<T>(context: Context<T | null>, missing: string): T {
  const value = useContext(context);
  if (!value) throw new Error(missing);
  return value;
}
