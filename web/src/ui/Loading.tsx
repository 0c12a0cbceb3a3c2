/** Shown before the locale is known, so it says it in both languages. */
export function Loading() {
  return (
    <p className="loading" role="status">
      <span lang="en">Loading…</span> / <span lang="ja">読み込み中…</span>
    </p>
  );
}

/** A page of a list still on its way: an item of the list (a status role on the item itself would take its list semantics). */
export function LoadingItem({ text }: { text: string }) {
  return (
    <li>
      <span role="status">{text}</span>
    </li>
  );
}
