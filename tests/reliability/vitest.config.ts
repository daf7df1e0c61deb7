import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

// Local runs of the server-only reliability tests without the client build:
// npx vitest run -c tests/reliability/vitest.config.ts tests/reliability/<file>.test.ts
export default defineConfig({ ...base, test: { ...base.test, globalSetup: [] } });
