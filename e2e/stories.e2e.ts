// Every Storybook story in zh-CN (the cashier's default locale); en-US is e2e/stories-en.e2e.ts. See stories-check.ts.
import { checkStories } from './stories-check';

checkStories('zh-CN');
