/** The schedule fields of a task template as staff fill them in (create and update share them). */
import { z } from 'zod';
import { positiveInt } from '../input/schemas.ts';

export const templateFrequency = z.enum(['MONTHLY', 'YEARLY'], { message: 'VALIDATION' });
/** Jalali month, 1–12 (typed in any digits). */
export const templateMonth = positiveInt(12);
/** Day of the Jalali month, 1–31; a day past a month's end means its last day. */
export const templateDay = positiveInt(31);
