// Entry of a replication worker thread. Node 20 cannot load `.ts` files in a worker by itself:
// register tsx (as bin/ccsim.mjs does for the main thread), then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();

await import('./worker.ts');
