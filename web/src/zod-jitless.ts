/**
 * What the web app gets when any module, ours or the server's shared schemas, imports 'zod' (the alias in
 * vite.config.ts): zod itself, switched to jitless mode before the importing module runs. The page's CSP
 * forbids eval, and zod probes for it (caught, but reported as a violation) as soon as an object schema
 * is built — which the shared schema modules do at load, in whatever chunk the bundler puts them.
 */
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
