import { Component, type ReactNode } from 'react';
import type { CashierEvent, Locale } from '../../core/types';
import { pageTranslator } from '../../i18n/page-messages';

interface Props {
  children: ReactNode;
  clientId: string;
  locale?: Locale;
  onEvent?: (event: CashierEvent) => void;
}

/** Contains an error thrown inside the cashier: the host page keeps working and hears about it through onEvent. */
export class CashierErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error) {
    try {
      this.props.onEvent?.({
        type: 'cashier_error',
        clientId: this.props.clientId,
        at: new Date().toISOString(),
        message: String(error?.message ?? error).slice(0, 200),
      });
    } catch {
      // The host's callback failing must not take the page down either.
    }
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = pageTranslator(this.props.locale === 'en-US' ? 'en-US' : 'zh-CN');
    // Outside ThemeScope (which may be what failed): the root class brings the default theme tokens.
    return (
      <div className="cashier-root">
        <div className="cashier-page" role="alert">
          <p>{t('errorGeneric')}</p>
          <button type="button" className="cashier-button" onClick={() => this.setState({ failed: false })}>
            {t('tryAgain')}
          </button>
        </div>
      </div>
    );
  }
}
