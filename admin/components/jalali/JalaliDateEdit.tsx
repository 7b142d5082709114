/** Edit a date property on the Jalali calendar (with the time, in Tehran, for a datetime). */
import React from 'react';
import { FormGroup, FormMessage } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type EditPropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { dateKindOf } from './jalali-value.ts';
import { JalaliPicker } from './JalaliPicker.tsx';

const JalaliDateEdit = (props: EditPropertyProps) => {
  const { property, record, onChange } = props;
  const { tm, tc, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const kind = dateKindOf(property);
  const error = record?.errors?.[property.path];
  return (
    <FormGroup error={!!error}>
      <PropertyLabel property={property} />
      <JalaliPicker
        value={record?.params?.[property.path]}
        kind={kind}
        lang={lang}
        withTime={kind === 'datetime'}
        disabled={property.isDisabled}
        placeholder={tc('JalaliDate.placeholder')}
        clearLabel={tc('JalaliDate.clear')}
        testId={`jalali-edit-${property.path}`}
        onChange={(iso) => onChange(property.path, iso)}
      />
      <FormMessage>{error ? tm(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default JalaliDateEdit;
