import { describe, expect, it } from 'vitest';
import { createDistributionInput } from '../../../core/funds/create-distribution.ts';
import { recordDistributionInput } from '../../../core/funds/record-distribution.ts';

describe('recordDistributionInput', () => {
  it("asks every field of createDistribution's input, each Rial amount as Toman", () => {
    const expected = Object.keys(createDistributionInput.shape).map((k) => k.replace(/Rial$/, 'Toman'));
    expect(Object.keys(recordDistributionInput.shape).sort()).toEqual(expected.sort());
  });

  it('reads Toman in any digits as Rials', () => {
    const parsed = recordDistributionInput.parse({ centerId: 'c1', beneficiaryId: 'b1', fund: 'SADAQA', kind: 'CASH', amountToman: '۲۵۰٬۰۰۰' });
    expect(parsed.amountToman).toBe(2_500_000n);
  });
});
