import { z } from "zod";

/**
 * zod checks objects with code it compiles through `new Function`, and decides
 * so (probing whether eval works) when each object schema is created, i.e. when
 * @karta/schema is first imported. The page's Content-Security-Policy has no
 * 'unsafe-eval': the probe fails quietly but is reported as a violation. So
 * this module is main.tsx's first import, evaluated before any schema exists
 * (in the entry chunk: the chunks of the app then order their modules as they please),
 * and zod interprets instead.
 */
z.config({ jitless: true });
