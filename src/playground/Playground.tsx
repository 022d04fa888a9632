import { type FormEvent, useRef, useState } from 'react';
import { parseMajorAmount } from '../core/money';
import type { CashierEvent, Locale, Method, PaymentReminder } from '../core/types';
import { openCashier } from '../pages/cashier-app/openCashier';
import { PLAYGROUND_ACCOUNTS, playgroundPayment, SCENARIOS } from './fixtures';
import { StatsPanel } from './StatsPanel';
import './playground.css';

const API = '/api/cashier';
const THEMES: Record<string, Record<string, string> | undefined> = {
  default: undefined,
  green: { '--cashier-color-primary': '#0b6b3a' },
  purple: { '--cashier-color-primary': '#5b2a86', '--cashier-radius': '4px' },
};

/** Pick a fixture account and card, an amount, locale, theme, methods and a fault scenario; open the cashier; watch what comes back. */
export function Playground() {
  const [accountId, setAccountId] = useState<string>('acct-alice');
  const account = PLAYGROUND_ACCOUNTS.find((a) => a.accountId === accountId) ?? PLAYGROUND_ACCOUNTS[0];
  const [card, setCard] = useState<string>(account.cards[0]);
  const [amount, setAmount] = useState('100.00');
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [theme, setTheme] = useState('default');
  const [methods, setMethods] = useState<Method[]>(['password', 'fingerprint', 'face']);
  const [scenario, setScenario] = useState<string>('normal');
  const [error, setError] = useState('');
  const [reminders, setReminders] = useState<PaymentReminder[]>([]);
  const [events, setEvents] = useState<CashierEvent[]>([]);
  const statsVersion = useRef(0);
  const [, refresh] = useState(0);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    let money: ReturnType<typeof parseMajorAmount>;
    try {
      money = parseMajorAmount(amount, 'CNY');
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    await fetch(`${API}/__admin/scenario`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: scenario }),
    }).catch(() => undefined);
    try {
      const reminder = await openCashier({
        payment: playgroundPayment(accountId, card, money.amount),
        clientId: 'playground',
        apiBaseUrl: API,
        locale,
        methods,
        theme: THEMES[theme],
        amountEditable: true,
        onEvent: (e) => setEvents((list) => [e, ...list].slice(0, 50)),
      });
      setReminders((list) => [reminder, ...list].slice(0, 20));
      statsVersion.current += 1;
      refresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main className="playground">
      <h1>Cashier playground</h1>
      <form className="playground__form" onSubmit={open}>
        <label>
          Account
          <select
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              const next = PLAYGROUND_ACCOUNTS.find((a) => a.accountId === e.target.value);
              if (next) setCard(next.cards[0]);
            }}
          >
            {PLAYGROUND_ACCOUNTS.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Card
          <select value={card} onChange={(e) => setCard(e.target.value)}>
            {account.cards.map((c) => (
              <option key={c} value={c}>
                •••• {c.slice(-4)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Amount (CNY)
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
        </label>
        <label>
          Locale
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="zh-CN">zh-CN</option>
            <option value="en-US">en-US</option>
          </select>
        </label>
        <label>
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value)}>
            {Object.keys(THEMES).map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Fault scenario
          <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
            {SCENARIOS.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Methods</legend>
          {(['password', 'fingerprint', 'face'] as const).map((m) => (
            <label key={m} className="playground__inline">
              <input
                type="checkbox"
                checked={methods.includes(m)}
                onChange={(e) => setMethods((list) => (e.target.checked ? [...list, m] : list.filter((x) => x !== m)))}
              />
              {m}
            </label>
          ))}
        </fieldset>
        <button type="submit">Open cashier</button>
        {error && (
          <p role="alert" className="playground__error">
            {error}
          </p>
        )}
      </form>
      <section aria-labelledby="reminders-title">
        <h2 id="reminders-title">Reminders</h2>
        {reminders.length ? (
          <ol className="playground__log" data-testid="reminders">
            {reminders.map((r) => (
              <li key={r.at + r.orderId}>
                <code>{JSON.stringify(r)}</code>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyLog>No reminders yet: open the cashier and pay, or cancel, to see what the host receives.</EmptyLog>
        )}
      </section>
      <StatsPanel apiBaseUrl={API} version={statsVersion.current} />
      <section aria-labelledby="events-title">
        <h2 id="events-title">Buried points</h2>
        {events.length ? (
          <ol className="playground__log">
            {events.map((e) => (
              <li key={eventKey(e)}>
                <code>{JSON.stringify(e)}</code>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyLog>No buried points yet: they appear here as the cashier reports views, clicks and results.</EmptyLog>
        )}
      </section>
    </main>
  );
}

/** An empty log says what will fill it, instead of an empty list drawn as a thin bar. */
function EmptyLog({ children }: { children: string }) {
  return <p className="playground__empty">{children}</p>;
}

const eventIds = new WeakMap<object, number>();
let nextEventId = 0;
/** A stable key per event object (events are frozen, so identity is enough). */
function eventKey(event: CashierEvent): number {
  let id = eventIds.get(event);
  if (id === undefined) {
    id = nextEventId++;
    eventIds.set(event, id);
  }
  return id;
}
