import { Component, type ReactNode } from 'react';

interface Props {
  onRetry: () => void;
  children: ReactNode;
}

/** Catches a remote that cannot be fetched or evaluated, so the rest of the host keeps working. */
export class RemoteBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="host-fallback" role="alert" aria-label="Cashier unavailable">
        <p>The cashier is unavailable</p>
        <code>{error.message}</code>
        <button type="button" onClick={this.props.onRetry}>
          Retry
        </button>
      </section>
    );
  }
}
