/** A labelled radio group drawn as a segmented control: one choice of a few, keyboard-navigable as radios. */
export function Segmented<V extends string>(props: { legend: string; value: V; options: Array<[V, string]>; onChange: (value: V) => void }) {
  return (
    <fieldset className="segmented">
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value} className={props.value === value ? 'selected' : ''}>
          <input type="radio" name={props.legend} value={value} checked={props.value === value} onChange={() => props.onChange(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
