/** What the core action form POSTs (admin/components/actions/fields-to-send.ts): a new record what was typed; an edit what changed, an emptied field included. */
import { describe, expect, it } from 'vitest';
import { fieldsToSend } from '../../admin/components/actions/fields-to-send.ts';

describe('fieldsToSend', () => {
  it('a new record: what was typed, empty fields left out', () => {
    expect(fieldsToSend({ name: 'مرکز', note: '' }, undefined)).toEqual({ name: 'مرکز' });
  });

  it('an edit: a field the person emptied is sent empty (so core clears it); untouched fields are not sent', () => {
    const prefilled = { note: 'فقط پیامک', organizationName: 'بنیاد آزمون' };
    expect(fieldsToSend({ note: '', organizationName: 'بنیاد آزمون' }, prefilled)).toEqual({ note: '' });
    expect(fieldsToSend({ ...prefilled, note: 'تماس ماهانه' }, prefilled)).toEqual({ note: 'تماس ماهانه' });
    // Typed into a field that was empty, then emptied again: nothing changed, nothing sent.
    expect(fieldsToSend({ ...prefilled, availability: '' }, prefilled)).toEqual({});
    // A field chosen in advance by a link (?keepDonorId=…) is sent like a typed one.
    expect(fieldsToSend({ keepDonorId: 'd1' }, {})).toEqual({ keepDonorId: 'd1' });
  });
});
