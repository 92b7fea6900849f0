/** A value that clears itself after a while: "Copied", "Saved", the undo offer. */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useTransient<T>(lifetimeMs: number): [T | null, (value: T | null) => void] {
  const [value, setValue] = useState<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback(
    (next: T | null) => {
      if (timer.current !== null) clearTimeout(timer.current);
      setValue(next);
      timer.current =
        next === null
          ? null
          : setTimeout(() => {
              timer.current = null;
              setValue(null);
            }, lifetimeMs);
    },
    [lifetimeMs],
  );
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return [value, show];
}
