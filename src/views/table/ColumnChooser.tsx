import { useId, useState, type KeyboardEvent } from 'react';
import type { TableColumn } from './tableColumn';

interface ColumnChooserProps<T> {
  columns: readonly TableColumn<T>[];
  isShown: (column: TableColumn<T>) => boolean;
  onChange: (column: TableColumn<T>, shown: boolean) => void;
}

/** A "Columns" button opening one checkbox per column, each named by its header. */
export function ColumnChooser<T>({ columns, isShown, onChange }: ColumnChooserProps<T>) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
  };
  return (
    <div className="column-chooser" onKeyDown={closeOnEscape}>
      <button type="button" className="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <fieldset id={listId} className="column-list">
          <legend>Columns shown</legend>
          {columns.filter((column) => !column.control).map((column) => (
            <label key={column.id} title={column.description}>
              <input type="checkbox" checked={isShown(column)} onChange={(event) => onChange(column, event.target.checked)} />
              {column.header}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
