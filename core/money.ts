/** Money in the domain: the books keep integer Rials; people read Toman (messenger/format.ts writes them). */
export function rialToToman(rial: bigint): bigint {
  return rial / 10n;
}
