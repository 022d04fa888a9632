/** The summary step's geometry while the cashier's data arrives: title, amount, two detail rows, expiry, methods, Pay. */
export function CashierSkeleton() {
  return (
    <div className="cashier-summary-step cashier-summary-step--loading" aria-hidden="true">
      <div className="cashier-sheet-head">
        <div className="cashier-skeleton cashier-skeleton--title" />
      </div>
      <div className="cashier-summary">
        <div className="cashier-skeleton cashier-skeleton--amount" />
        <div className="cashier-skeleton cashier-skeleton--row" />
        <div className="cashier-skeleton cashier-skeleton--row" />
        <div className="cashier-skeleton cashier-skeleton--expiry" />
      </div>
      <div className="cashier-skeleton cashier-skeleton--methods" />
      <div className="cashier-skeleton cashier-skeleton--pay" />
    </div>
  );
}
