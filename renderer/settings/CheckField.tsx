import { useId } from 'react';
import { LockNote } from './LockNote.tsx';

/** A checkbox that applies at once (networks, start at login), greyed with its reason when locked. */
export function CheckField({
  label,
  checked,
  locked,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  locked: string | undefined;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className={locked ? 'check check--locked' : 'check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={locked !== undefined || disabled === true}
        aria-describedby={locked ? `${id}-lock` : undefined}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
      <LockNote id={`${id}-lock`} reason={locked} />
    </div>
  );
}
