// The defensive base comes first, so every component rule after it wins ties.
import '../../widgets/shared/cashier-base.css';
import type { CashierOptions } from '../../core/types';
import { CashierErrorBoundary } from './CashierErrorBoundary';
import { CashierFlow } from './CashierFlow';
import { CashierProviders } from './CashierProviders';
import { ThemeScope } from './ThemeScope';
import './cashier-page.css';

/** The whole flow for one payment (docs/api.md, Federation: `./CashierPage`). */
export default function CashierPage(props: CashierOptions & { onFinished?: () => void; modal?: boolean }) {
  const { onFinished, modal, ...options } = props;
  // The boundary wraps the theme too: a host theme that throws when read is contained like any other error.
  return (
    <CashierErrorBoundary onEvent={options.onEvent} clientId={options.clientId} locale={options.locale}>
      <ThemeScope theme={options.theme}>
        <CashierProviders options={options} modal={modal}>
          <CashierFlow options={options} onFinished={onFinished} modal={modal} />
        </CashierProviders>
      </ThemeScope>
    </CashierErrorBoundary>
  );
}
