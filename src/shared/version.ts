/** The toolkit's name and version, read from package.json (works from src/ and dist/). */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

/** Tool name and version as recorded in every result. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;
