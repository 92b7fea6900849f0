import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A view's heading. When the person moved here (not on the first load), focus lands on it, so a screen
 * reader announces the new view and Tab continues from the top of it.
 */
export function ViewTitle({ id, focus, children }: { id: string; focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="view-title" dir="auto">
      {children}
    </h1>
  );
}
