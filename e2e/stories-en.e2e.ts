// Every Storybook story in en-US, with the texts each state promises; zh-CN is e2e/stories.e2e.ts. See stories-check.ts.
import { checkStories } from './stories-check';

checkStories('en-US');
