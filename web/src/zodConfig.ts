import { z } from 'zod';

// The page's CSP forbids eval; zod would otherwise probe `new Function` (caught, but reported as a
// violation) before falling back to the same checks without it. Imported first by main.tsx: a module
// evaluated before this line could otherwise parse, and zod remembers the probe's answer.
z.config({ jitless: true });
