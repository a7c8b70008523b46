import type { ReactNode } from "react";
import "./ui.css";

export interface FieldProps {
  /** The field's name, shown above it. */
  readonly label: ReactNode;
  /** A line of help under the control. */
  readonly hint?: ReactNode;
  /** Takes the remaining width of a row of fields. */
  readonly grow?: boolean;
  /** The control: an input, a select. */
  readonly children: ReactNode;
}

/**
 * One labelled form control, the same on every form: the label wraps the
 * control, so a click on the name focuses it and screen readers announce it.
 */
export function Field({ label, hint, grow, children }: FieldProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, which the label wraps
    <label className={grow ? "k-field k-field-grow" : "k-field"}>
      <span className="k-field-label">{label}</span>
      {children}
      {hint !== undefined && <span className="k-field-hint">{hint}</span>}
    </label>
  );
}
