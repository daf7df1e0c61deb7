import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A small button whose visible text ("Omhoog") is followed by hidden context for screen readers
 * ("Leeruitkomst LU 1.1"), so a list of rows does not read as ten identical "Omhoog" buttons. The
 * accessible name starts with the visible text (WCAG 2.5.3, label in name).
 */
export function ItemButton({
  label,
  context,
  icon,
  className = 'button button--small',
  ...rest
}: {
  label: string;
  context: string;
  /** An icon before the label (`aria-hidden`). */
  icon?: ReactNode;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>) {
  return (
    <button type="button" className={className} {...rest}>
      {icon}
      {label}
      <span className="visually-hidden"> — {context}</span>
    </button>
  );
}
