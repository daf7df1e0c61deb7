import { z } from 'zod';
import { nl } from 'zod/v4/locales';

// Validation messages reach users (API 400s, forms): Dutch by default, as the rest of the UI.
z.config(nl());

/** zod, configured with Dutch messages. Schemas import z from here. */
export { z };
