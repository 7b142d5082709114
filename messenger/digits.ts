/**
 * Persian digits for what every face says to people: core's one function (core/digits.ts),
 * offered here beside the rest of the formatting so the faces and the panel's browser
 * components need not reach into core for it.
 */
export { persianDigits } from '../core/digits.ts';
