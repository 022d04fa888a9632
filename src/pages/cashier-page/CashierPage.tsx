import type { CashierOptions } from '../../core/types';
import { CashierErrorBoundary } from './CashierErrorBoundary';
import { CashierFlow } from './CashierFlow';
import { CashierProviders } from './CashierProviders';
import { ThemeScope } from './ThemeScope';
import './cashier-page.css';

/** The whole flow for one payment (contract §1 `./CashierPage`). */
export default function CashierPage(props: CashierOptions & { onFinished?: () => void; modal?: boolean }) {
  const { onFinished, modal, ...options } = props;
  return (
    <ThemeScope theme={options.theme}>
      <CashierErrorBoundary onEvent={options.onEvent} clientId={options.clientId} locale={options.locale}>
        <CashierProviders options={options}>
          <CashierFlow options={options} onFinished={onFinished} modal={modal} />
        </CashierProviders>
      </CashierErrorBoundary>
    </ThemeScope>
  );
}
