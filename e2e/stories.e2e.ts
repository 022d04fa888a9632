// Every Storybook story in zh-CN (the cashier's default locale) and the light theme; en-US in dark is e2e/stories-en.e2e.ts.
import { checkStories } from './stories-check';

checkStories('zh-CN');
