import { Component, type ReactNode } from 'react';

interface Props {
  /** Re-register the remote and try again; the parent remounts this boundary with a new key. */
  onRetry: () => void;
  children: ReactNode;
}

/** Catches a remote that cannot be fetched or evaluated, so the rest of the host keeps working. */
export class RemoteErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.warn('[react-host] the cashier remote failed to load', error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="host-fallback" role="alert" aria-label="Cashier unavailable">
        <p>The cashier is unavailable</p>
        <details>
          <summary>Details</summary>
          <code>{error.message}</code>
        </details>
        <button type="button" onClick={this.props.onRetry}>
          Retry
        </button>
      </section>
    );
  }
}
