import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { PasswordChallenge } from '../../core/service-interfaces';
import type { Tracker } from '../../tracking/tracker';
import { TrackerProvider } from '../../tracking/TrackerContext';
import { PasswordKeyboard } from '../../widgets/password-keyboard/PasswordKeyboard';
import { SheetHeading } from '../../widgets/shared/SheetHeading';
import { expectNoAxeViolations } from '../test-support';
import { Dialog } from './Dialog';
import { Sheet } from './Sheet';

const tracker = (): Tracker => ({
  track: jest.fn(),
  pageView: jest.fn(),
  elementClick: jest.fn(),
  observeClicks: () => () => undefined,
  flush: async () => undefined,
  dispose: jest.fn(),
  stats: { sent: 0, dropped: 0, pending: 0 },
});

// The keyboard asks for a challenge when it opens; this one never answers, nothing is typed here.
const pendingChallenge = () => new Promise<PasswordChallenge>(() => undefined);

type Step = 'summary' | 'details' | 'password';

/** A cashier in miniature: a summary with an opener, a page dialog step and the password widget as a step. */
function Cashier({ modal, onClose }: { modal: boolean; onClose: () => void }) {
  const [step, setStep] = useState<Step>('summary');
  return (
    <Sheet
      modal={modal}
      stepKey={step}
      label="Cashier"
      onClose={onClose}
      closeLabel="Cancel"
      onBack={step === 'summary' ? undefined : () => setStep('summary')}
      backLabel="Back"
    >
      {step === 'summary' && (
        <div>
          <SheetHeading id="summary-title" dialog={false}>
            Cashier
          </SheetHeading>
          <button type="button" onClick={() => setStep('details')}>
            Details
          </button>
          <button type="button" onClick={() => setStep('password')}>
            Password
          </button>
        </div>
      )}
      {step === 'details' && (
        <Dialog title="Verification failed" pageId="details" closeLabel="Close" onClose={onClose}>
          <p>Check the card.</p>
        </Dialog>
      )}
      {step === 'password' && <PasswordKeyboard locale="en-US" getChallenge={pendingChallenge} onEncrypted={jest.fn()} onCancel={onClose} />}
    </Sheet>
  );
}

/** A host page that opens a modal sheet from a button. */
function HostWithSheet() {
  const [open, setOpen] = useState(false);
  return (
    <TrackerProvider tracker={tracker()}>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Sheet modal stepKey="summary" label="Cashier" onClose={() => setOpen(false)} closeLabel="Cancel" backLabel="Back">
          <SheetHeading id="t" dialog={false}>
            Cashier
          </SheetHeading>
        </Sheet>
      )}
    </TrackerProvider>
  );
}

function renderCashier(modal: boolean) {
  const onClose = jest.fn();
  const view = render(
    <TrackerProvider tracker={tracker()}>
      <Cashier modal={modal} onClose={onClose} />
    </TrackerProvider>,
  );
  return { ...view, onClose, user: userEvent.setup() };
}

describe('Sheet', () => {
  it('modal: one dialog that takes each step’s name; its heading has the focus; one ×; Back returns', async () => {
    const { user, container } = renderCashier(true);
    const sheet = screen.getByRole('dialog', { name: 'Cashier' });
    expect(sheet).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('heading', { name: 'Cashier' })).toHaveFocus();
    expect(within(sheet).getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getAllByRole('dialog')).toEqual([sheet]);
    expect(sheet).toHaveAccessibleName('Verification failed');
    expect(screen.getByRole('heading', { name: 'Verification failed' })).toHaveFocus();
    expect(within(sheet).getAllByRole('button', { name: /^(Close|Cancel)$/ })).toHaveLength(1);
    await expectNoAxeViolations(container);

    await user.click(within(sheet).getByRole('button', { name: 'Back' }));
    expect(sheet).toHaveAccessibleName('Cashier');
    expect(screen.getByRole('heading', { name: 'Cashier' })).toHaveFocus();
    expect(within(sheet).queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('modal: the password widget is embedded (no second dialog or backdrop), Tab stays in the sheet, Escape cancels', async () => {
    const { user, onClose, container } = renderCashier(true);
    await user.click(screen.getByRole('button', { name: 'Password' }));
    const sheet = screen.getByRole('dialog', { name: 'Enter payment password' });
    expect(screen.getAllByRole('dialog')).toEqual([sheet]);
    expect(container.querySelectorAll('.cashier-shell-backdrop')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Enter payment password' })).toHaveFocus();
    expect(within(sheet).getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
    for (let i = 0; i < 16; i++) {
      await user.tab();
      expect(sheet).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('inline: a region for the summary (no ×, focus left where it is), a modal dialog for a step; Escape closes a step only', async () => {
    // The host page has the focus somewhere of its own: the inline cashier appearing does not take it.
    const hostField = document.body.appendChild(document.createElement('input'));
    hostField.setAttribute('aria-label', 'Host field');
    hostField.focus();
    const { user, onClose } = renderCashier(false);
    expect(hostField).toHaveFocus();
    hostField.remove();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Cashier' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Close|Cancel)$/ })).toBeNull();

    screen.getByRole('button', { name: 'Details' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const step = screen.getByRole('dialog', { name: 'Verification failed' });
    expect(step).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('heading', { name: 'Verification failed' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(within(step).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('gives the focus back to where it was when the modal sheet goes', async () => {
    const user = userEvent.setup();
    render(<HostWithSheet />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    expect(screen.getByRole('heading', { name: 'Cashier' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});
