import { useRef, type TextareaHTMLAttributes } from 'react';
import type { BlockMatch } from '../../common/share/block-list.ts';
import { markedPieces } from '../share/block-marks.ts';

interface MarkedTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'className'> {
  readonly value: string;
  readonly matches: readonly BlockMatch[];
}

/**
 * A text box whose listed terms are marked where they stand. A textarea cannot hold markup, so the
 * same text is laid out behind it, transparent but for its marks, and scrolled with it. The copy behind
 * is hidden from assistive technology: the reason beside the box says which terms were found.
 */
export function MarkedTextarea({ value, matches, onScroll, ...props }: MarkedTextareaProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  return (
    <div className="marked-field">
      <div ref={backdrop} className="input textarea marked-field__backdrop" dir="auto" aria-hidden="true">
        {markedPieces(value, matches).map((piece, index) =>
          piece.mark === null ? (
            piece.text
          ) : (
            <mark key={index} className={`marked-field__mark marked-field__mark--${piece.mark}`}>
              {piece.text}
            </mark>
          ),
        )}
        {/* A last empty line still takes its height in a textarea. */}
        {'\n'}
      </div>
      <textarea
        {...props}
        className="input textarea marked-field__input"
        value={value}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
      />
    </div>
  );
}
