import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Tracker } from '../../tracking/tracker';
import { TrackerProvider } from '../../tracking/TrackerContext';
import { expectNoAxeViolations } from '../test-support';
import { Dialog } from './Dialog';

/** A page with an opener: the dialog holds a link, an input and a button besides its close button. */
function Page({ dismissable = true }: { dismissable?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Outside</button>
      {open && (
        <Dialog title="Details" pageId="details" closeLabel="Close" onClose={dismissable ? () => setOpen(false) : undefined}>
          <a href="https://bank.example/help">Help</a>
          <label>
            Note <input />
          </label>
          <button type="button" disabled>
            Disabled
          </button>
          <button type="button">Confirm</button>
        </Dialog>
      )}
    </>
  );
}

const tracker = (): Tracker => ({
  track: jest.fn(),
  pageView: jest.fn(),
  elementClick: jest.fn(),
  observeClicks: () => () => undefined,
  flush: async () => undefined,
  dispose: jest.fn(),
  stats: { sent: 0, dropped: 0, pending: 0 },
});

async function openDialog(props: Parameters<typeof Page>[0] = {}, buriedPoints = tracker()) {
  const user = userEvent.setup();
  const view = render(
    <TrackerProvider tracker={buriedPoints}>
      <Page {...props} />
    </TrackerProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Open' });
  await user.click(opener);
  return { ...view, user, opener, dialog: screen.getByRole('dialog', { name: 'Details' }) };
}

describe('Dialog', () => {
  it('is a modal dialog named by its title, records one page view, and focuses its first control', async () => {
    const buriedPoints = tracker();
    const { dialog, container } = await openDialog({}, buriedPoints);
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(buriedPoints.pageView).toHaveBeenCalledTimes(1);
    expect(buriedPoints.pageView).toHaveBeenCalledWith('details');
    await expectNoAxeViolations(container);
  });

  it('keeps Tab inside: forward from the last control wraps to the first, Shift+Tab from the first to the last', async () => {
    const { dialog, user } = await openDialog();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    await user.tab();
    expect(within(dialog).getByRole('link', { name: 'Help' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await user.tab(); // the disabled button is skipped
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    for (let i = 0; i < 8; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it('brings focus back inside when it has escaped, on the next Tab', async () => {
    const { dialog, user } = await openDialog();
    screen.getByRole('button', { name: 'Outside' }).focus();
    // Keys reach the dialog only from inside it: a Tab pressed on the dialog element itself while focus is outside.
    dialog.dispatchEvent(new globalThis.KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const { opener, user } = await openDialog();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('closes with its close button and gives focus back to the opener', async () => {
    const { dialog, opener, user } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('without onClose has no close button and ignores Escape', async () => {
    const { dialog, user } = await openDialog({ dismissable: false });
    expect(within(dialog).queryByRole('button', { name: 'Close' })).toBeNull();
    expect(within(dialog).getByRole('link', { name: 'Help' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Details' })).toBeInTheDocument();
  });

  it('leaves the keys of a nested dialog (the password keyboard in the modal cashier) to it', async () => {
    const onClose = jest.fn();
    const user = userEvent.setup();
    render(
      <Dialog title="Outer" pageId="outer" onClose={onClose}>
        <button type="button">Behind</button>
        <div role="dialog" aria-label="Inner">
          <button type="button">First</button>
          <button type="button">Last</button>
        </div>
      </Dialog>,
    );
    screen.getByRole('button', { name: 'Last' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    // The outer trap would have wrapped this Tab to its own first control, behind the inner dialog.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Behind' })).not.toHaveFocus();
  });

  it('leaves a key that was already handled alone', () => {
    const onClose = jest.fn();
    render(
      <Dialog title="Outer" pageId="outer" onClose={onClose}>
        <button type="button">Inside</button>
      </Dialog>,
    );
    const inside = screen.getByRole('button', { name: 'Inside' });
    inside.addEventListener('keydown', (event) => event.preventDefault());
    inside.dispatchEvent(new globalThis.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('with nothing focusable inside, holds focus on itself', async () => {
    const user = userEvent.setup();
    render(
      <Dialog title="Notice" pageId="notice">
        <p>Nothing to press here.</p>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Notice' });
    expect(dialog).toHaveFocus();
    await user.tab();
    expect(dialog).toHaveFocus();
  });
});
