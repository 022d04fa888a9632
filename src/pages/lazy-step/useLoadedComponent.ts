// Step components in their own chunks, shown without Suspense: React 19 holds content that replaces a committed
// Suspense fallback for up to 300 ms (FALLBACK_THROTTLE_MS), so a lazy() step always took at least 300 ms to appear.
import { type ComponentType, useEffect, useState } from 'react';

export interface LoadableComponent<P> {
  /** Starts loading the chunk (once; again after a failure). Call it early, e.g. on the Pay click. */
  preload(): Promise<ComponentType<P>>;
  /** The component once its chunk has loaded, else null. */
  loaded(): ComponentType<P> | null;
}

export function loadable<P>(load: () => Promise<ComponentType<P>>): LoadableComponent<P> {
  let component: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (loaded) => (component = loaded),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  return { preload, loaded: () => component };
}

/** The component, or null while its chunk loads; a failed load is thrown to the nearest error boundary. */
export function useLoadedComponent<P>(step: LoadableComponent<P>): ComponentType<P> | null {
  const [state, setState] = useState<{ step: LoadableComponent<P>; component: ComponentType<P> | null; error?: unknown }>(() => ({
    step,
    component: step.loaded(),
  }));
  useEffect(() => {
    if (step.loaded()) return;
    let active = true;
    step.preload().then(
      (component) => active && setState({ step, component }),
      (error: unknown) => active && setState({ step, component: null, error }),
    );
    return () => {
      active = false;
    };
  }, [step]);
  if (state.step === step && state.error) throw state.error;
  return step.loaded() ?? (state.step === step ? state.component : null);
}
