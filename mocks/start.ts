// Runs the mock payment server alone: `npm run mock-server` (PORT, default 3001), mounted at /api/cashier.
import express from 'express';
import { createMockServer } from './app';

export const MOUNT_PATH = '/api/cashier';

const port = Number(process.env.PORT ?? 3001);
const mock = createMockServer();
const outer = express();
outer.disable('x-powered-by');
outer.use(MOUNT_PATH, mock.app);
const server = outer.listen(port, () => {
  console.log(`mock payment server on http://localhost:${port}${MOUNT_PATH}`);
});

function shutdown(): void {
  mock.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
