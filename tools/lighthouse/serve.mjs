// Serves dist/ as a static host does (tests/e2e/helpers.mjs host mode: precompressed brotli,
// the CSP and caching headers of public/staticwebapp.config.json) in the folder /planner/,
// prints the page's URL, and runs until killed. Used by measure.sh.
import { startServer } from '../../tests/e2e/helpers.mjs';

const server = await startServer(undefined, { basePath: '/planner/', host: true });
console.log(`${server.origin}${server.basePath}`);
