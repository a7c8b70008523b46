/** The product mark, inline so that it shows offline too (same drawing as public/favicon.svg). */
export function Logo({ size = 28 }: { readonly size?: number }) {
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 32 32">
      <rect width="32" height="32" rx="7" fill="#1a73e8" />
      <path d="M8 9h16M8 16h16M8 23h16M14 9v14" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}
