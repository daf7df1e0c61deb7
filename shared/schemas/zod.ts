import { z } from 'zod';
import { nl } from 'zod/v4/locales';

// Validation messages reach users (API 400s, forms): Dutch by default, as the rest of the UI.
z.config(nl());
// The app's Content-Security-Policy refuses eval in the browser; zod would probe for it (a reported
// violation on every page) and then fall back to the parsers jitless selects anyway.
if (typeof document !== 'undefined') z.config({ jitless: true });

/** zod, configured with Dutch messages. Schemas import z from here. */
export { z };
