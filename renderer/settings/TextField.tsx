import { useId, type InputHTMLAttributes } from 'react';
import { LockNote } from './LockNote.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'disabled'>;

/** A labelled input, greyed with its reason when policy locks it. Uncontrolled: the form reads it on submit. */
export function TextField({
  label,
  hint,
  locked,
  disabled,
  ...input
}: InputProps & { label: string; hint?: string; locked: string | undefined; disabled?: boolean }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, locked ? `${id}-lock` : null].filter(Boolean).join(' ');
  return (
    <div className={locked ? 'field field--locked' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        disabled={locked !== undefined || disabled === true}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <LockNote id={`${id}-lock`} reason={locked} />
    </div>
  );
}
