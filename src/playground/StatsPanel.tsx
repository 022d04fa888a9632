import { useEffect, useState } from 'react';

interface Funnel {
  pageViews: number;
  payClicks: number;
  successfulPayments: number;
  viewToClickRate: number | null;
  clickToSuccessRate: number | null;
}
interface MethodStats {
  method: string;
  attempts: number;
  successes: number;
  successRate: number | null;
}
interface Stats {
  totalEvents: number;
  clients: (Funnel & { clientId: string; pages: (Funnel & { pageId: string })[]; methods: MethodStats[] })[];
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function Bar({ label, rate, detail }: { label: string; rate: number | null; detail: string }) {
  return (
    <div className="playground__bar">
      <span>{label}</span>
      <meter min={0} max={1} value={rate ?? 0} aria-label={label} />
      <span>
        {percent(rate)} <small>{detail}</small>
      </span>
    </div>
  );
}

/** The buried points' conversion statistics (S21) as a small live chart, polled from the mock server. */
export function StatsPanel({ apiBaseUrl, version }: { apiBaseUrl: string; version: number }) {
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    let active = true;
    const load = () =>
      fetch(`${apiBaseUrl}/track/stats`)
        .then((r) => r.json() as Promise<Stats>)
        .then((next) => {
          if (active) setStats(next);
        })
        .catch(() => undefined);
    load();
    // `version` changes after each payment: load at once rather than at the next tick.
    void version;
    const timer = setInterval(load, 3000);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [apiBaseUrl, version]);
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">Conversion statistics</h2>
      {stats?.clients.map((client) => {
        const page = client.pages.find((p) => p.pageId === 'cashier');
        return (
          <div className="playground__chart" key={client.clientId}>
            <h3>{client.clientId}</h3>
            {page && (
              <>
                <Bar label="Cashier views → Pay" rate={page.viewToClickRate} detail={`${page.payClicks}/${page.pageViews}`} />
                <Bar label="Pay → paid" rate={page.clickToSuccessRate} detail={`${page.successfulPayments}/${page.payClicks}`} />
              </>
            )}
            {client.methods.map((m) => (
              <Bar key={m.method} label={`${m.method} success`} rate={m.successRate} detail={`${m.successes}/${m.attempts}`} />
            ))}
          </div>
        );
      })}
      <details>
        <summary>Raw statistics ({stats?.totalEvents ?? 0} events)</summary>
        <pre>{JSON.stringify(stats, null, 2)}</pre>
      </details>
    </section>
  );
}
