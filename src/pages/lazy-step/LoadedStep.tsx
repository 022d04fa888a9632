import type { ReactNode } from 'react';
import { type LoadableComponent, useLoadedComponent } from './useLoadedComponent';

/** Renders a step from its own chunk once loaded, `fallback` until then (no Suspense: see useLoadedComponent). */
export function LoadedStep<P extends object>({ step, props, fallback }: { step: LoadableComponent<P>; props: P; fallback: ReactNode }) {
  const Component = useLoadedComponent(step);
  return Component ? <Component {...props} /> : fallback;
}
