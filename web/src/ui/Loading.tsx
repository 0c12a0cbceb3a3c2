/** Shown before the locale is known, so it says it in both languages. */
export function Loading() {
  return (
    <p className="loading" role="status">
      <span lang="en">Loading…</span> / <span lang="ja">読み込み中…</span>
    </p>
  );
}
