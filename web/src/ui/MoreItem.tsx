/** The last item of a paged list: loads the page after {@code endCursor}, while the connection says there is one. */
export function MoreItem({ label, pageInfo, onMore }: {
  label: string;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  onMore?: (after: string) => void;
}) {
  const after = pageInfo.endCursor;
  if (!onMore || !pageInfo.hasNextPage || !after) return null;
  return (
    <li>
      <button type="button" className="secondary" onClick={() => onMore(after)}>
        {label}
      </button>
    </li>
  );
}
