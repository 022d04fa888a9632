// The one cashier sheet, as its steps see it: a step names the sheet and draws the sheet's header (Back, title, ×).
import { createContext, type ReactNode, useContext } from 'react';

export interface SheetStep {
  /** The id of the step's heading: the sheet's accessible name while the step shows. */
  titleId: string;
  /** False for the order summary of an inline page (a region); every other step is a dialog for assistive technology. */
  dialog: boolean;
  /** The step's own way out (× and Escape); the sheet's otherwise. */
  onClose?: () => void;
}

export interface SheetApi {
  /** openCashier's overlay (focus kept inside, always closable) rather than CashierPage's inline surface. */
  modal: boolean;
  onClose?: () => void;
  closeLabel: string;
  /** Back to the previous step, where the current step has one. */
  onBack?: () => void;
  backLabel: string;
  /** A step shows: the sheet takes its name until the returned function is called. */
  show(step: SheetStep): () => void;
  /** Whether a newly shown heading takes the focus (an inline page does not pull focus from elsewhere in the host). */
  shouldFocus(): boolean;
}

export const SheetContext = createContext<SheetApi | null>(null);

/** The sheet around this component, or null when a widget or page dialog is used alone by a host. */
export const useSheet = (): SheetApi | null => useContext(SheetContext);

/** What the page shows under a step's heading, above the widget's own content (the password step: amount, payee, card). */
export const SheetIntroContext = createContext<ReactNode>(null);
