// Stories are dev-only (Storybook), never exposed.
import type { Meta, StoryObj } from '@storybook/react-webpack5';
import { fn } from 'storybook/test';
import type { CashierResources } from '../../core/service-interfaces';
import { METHODS, type Method } from '../../core/types';
import { StoryCashier } from '../../stories-support/cashier-stage';
import { enrolledResources, STORY_CREDENTIAL_ID, storyResources } from '../../stories-support/page-fixtures';
import { storyLocale, storyTheme } from '../../stories-support/story-globals';
import { MethodChoice } from './MethodChoice';
import { isEnrolled } from './useMethodAvailability';

/** What CashierFlow passes for a device that can do all three, given the page resources' enrolments. */
function offerFor(resources: CashierResources) {
  const usable = METHODS.filter((method) => isEnrolled(method, resources.enrolled, [STORY_CREDENTIAL_ID]));
  return { usable, needsSetup: METHODS.filter((method) => !usable.includes(method)) };
}

const meta = {
  title: 'Pages/MethodChoice',
  component: MethodChoice,
  args: { methods: [...METHODS] as Method[], value: 'password', onChange: fn(), ...offerFor(storyResources) },
  render: (args, context) => (
    <StoryCashier locale={storyLocale(context)} theme={storyTheme(context)}>
      <div className="cashier-page">
        <MethodChoice {...args} />
      </div>
    </StoryCashier>
  ),
} satisfies Meta<typeof MethodChoice>;
export default meta;

type MethodStory = StoryObj<typeof meta>;

/** The mock's fixtures: nothing enrolled, so Fingerprint and Face are disabled with "Set up after this payment". */
export const NotEnrolled: MethodStory = { name: 'Not enrolled' };

/** After enrolling a fingerprint on this device and a face: all three can pay. */
export const Enrolled: MethodStory = { args: { ...offerFor(enrolledResources), value: 'face' } };

/** While the page resources load: biometrics disabled, no hint yet (it appears beside the name, moving nothing). */
export const EnrolmentsLoading: MethodStory = { name: 'Enrolments loading', args: { usable: ['password'], needsSetup: [] } };
