/**
 * The options of a radio group, one labelled radio button each; the caller keeps the fieldset, its
 * legend and anything after the options.
 */
export function RadioOptions<T extends string>({
  name,
  options,
  value,
  onChange,
  labelOf,
  disabled,
}: {
  name: string;
  options: readonly T[];
  value: T | null | undefined;
  onChange: (option: T) => void;
  labelOf: (option: T) => string;
  disabled?: boolean;
}) {
  return options.map((option) => (
    <label key={option} className="radio-group__option">
      <input
        type="radio"
        name={name}
        value={option}
        checked={value === option}
        disabled={disabled}
        onChange={() => onChange(option)}
      />
      {labelOf(option)}
    </label>
  ));
}
