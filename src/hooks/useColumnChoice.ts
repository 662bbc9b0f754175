import { useCallback, useState } from 'react';
import { browserStorage } from '../app/browserStorage';
import { chooseColumn, isColumnShown, readColumnChoice } from '../app/columnChoice';

type Column = { id: string; hiddenByDefault?: boolean };

export interface ColumnChoiceState {
  isShown: (column: Column) => boolean;
  choose: (column: Column, shown: boolean) => void;
}

/** The columns a table shows, as the trader last chose them (kept locally, per table). */
export function useColumnChoice(table: string): ColumnChoiceState {
  const [choice, setChoice] = useState(() => readColumnChoice(browserStorage(), table));
  const isShown = useCallback((column: Column) => isColumnShown(choice, column), [choice]);
  const choose = useCallback(
    (column: Column, shown: boolean) => setChoice((held) => chooseColumn(browserStorage(), table, held, column.id, shown)),
    [table],
  );
  return { isShown, choose };
}
