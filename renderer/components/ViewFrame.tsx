import type { ReactNode } from 'react';
import { ViewTitle } from './ViewTitle.tsx';

/** A section of the window: its heading (with anything beside it) and its content, as one landmark. */
export function ViewFrame({
  id,
  title,
  focusTitle,
  aside,
  className,
  children,
}: {
  id: string;
  title: string;
  focusTitle: boolean;
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `view ${className}` : 'view'} aria-labelledby={id}>
      <div className="view__header">
        <ViewTitle id={id} focus={focusTitle}>
          {title}
        </ViewTitle>
        {aside}
      </div>
      {children}
    </section>
  );
}
