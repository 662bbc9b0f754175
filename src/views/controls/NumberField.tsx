import { useId } from 'react';

/** A labelled text field for a number, with the reason it is refused beside it. */
export function NumberField(props: { label: string; value: string; problem: string | undefined; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <label className="field">
      {props.label}
      <input
        type="text"
        inputMode="decimal"
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? id : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.problem && (
        <span id={id} className="field-problem" role="alert">
          {props.problem}
        </span>
      )}
    </label>
  );
}
