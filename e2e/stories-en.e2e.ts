// Every Storybook story in en-US and the dark theme, with the texts each state promises (axe's color-contrast thus
// checks the dark tokens); zh-CN in the light theme is e2e/stories.e2e.ts. See stories-check.ts.
import { checkStories } from './stories-check';

checkStories('en-US', 'dark');
