import { useState } from 'react';
import { safeImageUrl } from '../text/safe-image-url.ts';

/** The post's picture, or its feed's first letter when there is none (or it fails to load). Decorative. */
export function Thumbnail({ url, fallback }: { url: string | null; fallback: string }) {
  const [failed, setFailed] = useState(false);
  const src = failed ? null : safeImageUrl(url);
  if (src === null) {
    return (
      <span className="thumb thumb--letter" aria-hidden="true">
        {Array.from(fallback.trim())[0]?.toUpperCase() ?? '•'}
      </span>
    );
  }
  return (
    <img
      className="thumb"
      src={src}
      alt=""
      width={48}
      height={48}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => {
        setFailed(true);
      }}
    />
  );
}
