import { Component, type ReactNode } from 'react';

/** A remote that cannot load or render shows an alert; the rest of the host keeps working. */
export class RemoteBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <p className="host-fallback" role="alert">
        The cashier is unavailable: {this.state.error.message}
      </p>
    );
  }
}
