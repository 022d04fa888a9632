// `npm run hosts [-- --build]`: builds the host shells when needed and serves them (react-host :3002, vanilla-host :3003).
// The remote itself comes from `npm start` (:3001) or any URL given with ?remote=<manifest url>.
import path from 'node:path';
import { buildHosts, ROOT } from './build-hosts';
import { HOST_BUILD_KINDS } from './host-build-kind';
import { type RunningServer, startStaticServer } from './static-server';

const HOST_PORTS = { 'react-host': Number(process.env.REACT_HOST_PORT ?? 3002), 'vanilla-host': Number(process.env.VANILLA_HOST_PORT ?? 3003) };

async function main(): Promise<void> {
  // Release builds when it builds; a fresh fixture build (left by the browser tests) serves as well: same mode, same React.
  buildHosts({ force: process.argv.includes('--build'), kind: 'release', accept: HOST_BUILD_KINDS });
  const servers: RunningServer[] = [];
  for (const [host, port] of Object.entries(HOST_PORTS)) {
    const server = await startStaticServer({ root: path.join(ROOT, 'examples', host, 'dist'), port });
    servers.push(server);
    console.log(`${host}: ${server.url}/`);
  }
  console.log('The remote is expected at http://localhost:3001/mf-manifest.json (npm start); add ?remote=<manifest url> for another.');
  const shutdown = () => {
    Promise.all(servers.map((server) => server.close())).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
