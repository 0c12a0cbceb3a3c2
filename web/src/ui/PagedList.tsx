"use client";

import { Fragment, useState, type ReactNode } from "react";
import type { CombinedError } from "urql";
import type { ErrorKind } from "@/graphql/errors";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "./Alerts";
import { LoadingItem } from "./Loading";

/** The items a page of such a list asks for. */
export const PAGE_SIZE = 20;

/** Where a page of a paged list starts, whether it is the first, and how to open the next (only the last page can). */
export type Page = { after?: string; first: boolean; onMore?(cursor: string): void };

/** A list shown page by page with "show more": one page (one query) per cursor, each opened by the previous page's end cursor. */
export function PagedList({ page }: { page(where: Page): ReactNode }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return (
    <ul className="booking-list">
      {cursors.map((after, i) => (
        <Fragment key={after ?? ""}>
          {page({ after, first: i === 0, onMore: i === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined })}
        </Fragment>
      ))}
    </ul>
  );
}

type Connection<Node> = { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/**
 * One page's items, as its query answered: an error, a loading item, "none" on an empty first page, its
 * nodes, and last the "show more" item while the connection says there is a next page.
 */
export function PageItems<Node extends { id: string }>(props: {
  page: Page;
  fetching: boolean;
  error?: CombinedError;
  errors?: Partial<Record<ErrorKind, string>>;
  connection?: Connection<Node> | null;
  none: string;
  more: string;
  item(node: Node): ReactNode;
}) {
  const { m } = useI18n();
  if (props.error) return <li><GraphqlErrorAlert error={props.error} specific={props.errors} /></li>;
  if (!props.connection) return props.fetching ? <LoadingItem text={m.app.loading} /> : null;
  const { edges, pageInfo } = props.connection;
  const { onMore } = props.page;
  const after = pageInfo.endCursor;
  return (
    <>
      {props.page.first && edges.length === 0 && <li>{props.none}</li>}
      {edges.map(({ node }) => (
        <Fragment key={node.id}>{props.item(node)}</Fragment>
      ))}
      {onMore && pageInfo.hasNextPage && after && (
        <li>
          <button type="button" className="secondary" onClick={() => onMore(after)}>
            {props.more}
          </button>
        </li>
      )}
    </>
  );
}
