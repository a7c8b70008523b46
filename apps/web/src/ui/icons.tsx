import type { ReactNode } from "react";

/** Toolbar icons as inline SVG: no icon font, no glyph that a system font may lack. */
export function Icon({ children, size = 16 }: { readonly children: ReactNode; readonly size?: 16 | 18 }) {
  return (
    <svg
      aria-hidden="true"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export function AddRowIcon() {
  return (
    <Icon>
      <rect x="1.5" y="2.5" width="13" height="4" rx="1" />
      <path d="M8 9.5v5M5.5 12h5" />
    </Icon>
  );
}

export function DeleteRowIcon() {
  return (
    <Icon>
      <rect x="1.5" y="2.5" width="13" height="4" rx="1" />
      <path d="M5.5 12h5" />
    </Icon>
  );
}

export function UploadIcon() {
  return (
    <Icon>
      <path d="M8 10.5V2.5M5 5.5l3-3 3 3" />
      <path d="M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10" />
    </Icon>
  );
}

export function UndoIcon() {
  return (
    <Icon>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
    </Icon>
  );
}

export function RedoIcon() {
  return (
    <Icon>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
    </Icon>
  );
}

export function LockIcon() {
  return (
    <Icon>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </Icon>
  );
}

/** Points right; turned down by CSS when what it folds is open. */
export function ChevronIcon() {
  return (
    <Icon>
      <path d="M6 3.5 10.5 8 6 12.5" />
    </Icon>
  );
}
