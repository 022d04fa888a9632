import { useEffect, useState } from 'react';

interface Rate {
  label: string;
  value: number;
}

/** The buried points' conversion statistics (S21) as a small live chart, polled from the mock server. */
export function StatsPanel({ apiBaseUrl, version }: { apiBaseUrl: string; version: number }) {
  const [rates, setRates] = useState<Rate[]>([]);
  const [raw, setRaw] = useState<unknown>(null);
  useEffect(() => {
    let active = true;
    const load = () =>
      fetch(`${apiBaseUrl}/track/stats`)
        .then((r) => r.json())
        .then((stats: unknown) => {
          if (!active) return;
          setRaw(stats);
          setRates(extractRates(stats));
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
      <div className="playground__chart">
        {rates.map((rate) => (
          <div className="playground__bar" key={rate.label}>
            <span>{rate.label}</span>
            <meter min={0} max={1} value={rate.value} aria-label={rate.label} />
            <span>{(rate.value * 100).toFixed(0)}%</span>
          </div>
        ))}
      </div>
      <details>
        <summary>Raw statistics</summary>
        <pre>{JSON.stringify(raw, null, 2)}</pre>
      </details>
    </section>
  );
}

/** Every numeric field named like a rate (…Rate, …rate) anywhere in the statistics, labelled by its path. */
function extractRates(stats: unknown, path: string[] = []): Rate[] {
  if (!stats || typeof stats !== 'object') return [];
  const rates: Rate[] = [];
  for (const [key, value] of Object.entries(stats as Record<string, unknown>)) {
    if (typeof value === 'number' && /rate$/i.test(key) && value >= 0 && value <= 1) rates.push({ label: [...path, key].join(' › '), value });
    else if (value && typeof value === 'object' && path.length < 4) rates.push(...extractRates(value, [...path, key]));
  }
  return rates;
}
