import type { ReactNode } from 'react';

/**
 * A table of records: a caption that names it (heard by screen readers only, unless `showCaption`), one
 * header row whose cells head their columns, then the rows. With `actions`, a last column holds each row's
 * buttons and is named only for screen readers.
 */
export function Table(props: {
  caption?: ReactNode;
  showCaption?: boolean;
  columns: readonly ReactNode[];
  actions?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={props.className}>
      {props.caption !== undefined && (
        <caption className={props.showCaption ? undefined : 'visually-hidden'}>{props.caption}</caption>
      )}
      <thead>
        <tr>
          {props.columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
          {props.actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
