/** Shown while chunks or data arrive. */
export function CashierSkeleton() {
  return (
    <div className="cashier-page cashier-page--loading" aria-busy="true">
      <div className="cashier-skeleton cashier-skeleton--amount" />
      <div className="cashier-skeleton" />
      <div className="cashier-skeleton" />
    </div>
  );
}
