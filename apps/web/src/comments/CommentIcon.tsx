/** A speech bubble: comments and discussion. */
export function CommentIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 18 18" fill="none" aria-hidden>
      <path
        d="M3.5 3.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H8l-3.5 3v-3h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
