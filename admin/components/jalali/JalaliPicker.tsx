/**
 * One Jalali date (and time) picker bound to a stored ISO value. Shared by the
 * edit and filter components. `onOpenPickNewDate={false}`: otherwise merely
 * opening an empty picker silently sets today.
 */
import React from 'react';
import DatePicker from 'react-multi-date-picker';
import TimePicker from 'react-multi-date-picker/plugins/time_picker';
import { Box, Button, Icon, Input } from '@adminjs/design-system';
import type { Lang } from '../lang.ts';
import { fromPickerValue, persianCalendar, pickerLocale, toPickerValue, type DateKind, type DayEdge } from './jalali-value.ts';

export interface JalaliPickerProps {
  value: unknown;
  kind: DateKind;
  lang: Lang;
  /** Which instant of the picked day to store (filters: 'dayStart' / 'dayEnd'). */
  edge?: DayEdge;
  /** Show and pick the time too (edit of a datetime). */
  withTime?: boolean;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  placeholder: string;
  clearLabel: string;
  testId: string;
}

export function JalaliPicker(props: JalaliPickerProps) {
  const { value, kind, lang, edge = 'asPicked', withTime = false, onChange, disabled, placeholder, clearLabel, testId } = props;
  const picked = toPickerValue(value, kind, lang);
  return (
    <Box flex flexDirection="row" alignItems="center" data-testid={testId}>
      <Box flexGrow={1}>
        <DatePicker
          value={picked}
          calendar={persianCalendar}
          locale={pickerLocale(lang)}
          format={withTime ? 'YYYY/MM/DD HH:mm' : 'YYYY/MM/DD'}
          onOpenPickNewDate={false}
          disabled={disabled}
          calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
          containerStyle={{ width: '100%' }}
          plugins={withTime ? [<TimePicker key="time" position="bottom" hideSeconds />] : []}
          onChange={(date) => onChange(date ? fromPickerValue(date, kind, withTime ? edge : edge === 'asPicked' ? 'dayStart' : edge) : null)}
          render={(text: string, openCalendar: () => void, handleValueChange: (e: React.ChangeEvent) => void) => (
            <Input
              width={1}
              value={text}
              placeholder={placeholder}
              disabled={disabled}
              onFocus={openCalendar}
              onClick={openCalendar}
              onChange={handleValueChange}
              dir="ltr"
              style={{ textAlign: lang === 'fa' ? 'right' : 'left' }}
              autoComplete="off"
            />
          )}
        />
      </Box>
      {picked && !disabled ? (
        <Button type="button" variant="text" size="icon" ml="sm" title={clearLabel} aria-label={clearLabel} onClick={() => onChange(null)}>
          <Icon icon="X" />
        </Button>
      ) : null}
    </Box>
  );
}
