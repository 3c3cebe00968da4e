import { useState } from 'react';

/** An http(s) address, or null: the same rule as the runtime, so no javascript: or data: picture is shown. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A person's picture, or their initial when there is none (or it does not load). */
export function Avatar({ name, url, className = 'avatar' }: { name: string; url: string | null; className?: string }) {
  const src = webUrl(url);
  // Remembers which address failed to load, so typing a new one tries again.
  const [broken, setBroken] = useState<string | null>(null);
  if (src && broken !== src) {
    return <img className={`${className} avatar-image`} src={src} alt="" onError={() => setBroken(src)} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {name.trim().slice(0, 1).toUpperCase() || '?'}
    </span>
  );
}
