/** A queued notification as the user reads it: their language, Persian digits, Jalali dates, Toman, one button. */
import { describe, expect, it } from 'vitest';
import { renderNotification, UnknownTemplateError } from '../../messenger/notification-render.ts';
import { actionFor, reminderAction } from '../../messenger/reminder-buttons.ts';

const installment = {
  center: 'مرکز نیکوکاری مسجد جامع',
  seq: 2,
  count: 12,
  dueOn: '2026-11-26',
  whatRial: '25000000',
  reminderAction: actionFor('installment', 'clx0123456789abcdefghijkl'),
};

describe('renderNotification', () => {
  it('Persian: Jalali date, Toman with Persian digits, and a button to the bot action', () => {
    const m = renderNotification('reminder.installmentToday', installment, 'fa');
    expect(m.text).toBe('امروز، ۵ آذر ۱۴۰۵، سررسید قسط ۲ از ۱۲ تعهد شما برای «مرکز نیکوکاری مسجد جامع» است: ۲٬۵۰۰٬۰۰۰ تومان.');
    expect(m.text).not.toMatch(/[0-9]/);
    expect(m.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'گزارش پرداخت', callback_data: 'remind:installment:clx0123456789abcdefghijkl' }]] });
    expect(reminderAction.decode(m.replyMarkup!.inline_keyboard[0]![0]!.callback_data)).toEqual({ kind: 'installment', id: 'clx0123456789abcdefghijkl' });
  });

  it('English: the same message in the chat\'s language', () => {
    const m = renderNotification('reminder.installmentToday', installment, 'en');
    expect(m.text).toBe('Today, Azar 5, 1405 AP, installment 2 of 12 of your pledge to "مرکز نیکوکاری مسجد جامع" is due: 2,500,000 Toman.');
    expect(m.replyMarkup!.inline_keyboard[0]![0]!.text).toBe('Report a payment');
  });

  it('codes in Persian digits, roles and funds by name, user text as written, no button without an action', () => {
    expect(renderNotification('donation.confirmed', { receiptNo: '1023' }, 'fa').text).toContain('رسید شمارهٔ ۱۰۲۳');
    expect(renderNotification('trustee.appointed', { role: 'CHAIR', decreeNo: '12/345' }, 'fa').text).toBe(
      'انتصاب شما به سمت رئیس هیئت امنا ثبت شد. شمارهٔ حکم: ۱۲/۳۴۵',
    );
    expect(renderNotification('license.renewed', { center: 'مرکز ۳', validUntil: '2027-03-20' }, 'fa').text).toBe('مجوز «مرکز ۳» تمدید شد؛ معتبر تا ۲۹ اسفند ۱۴۰۵.');
    const broadcast = renderNotification('broadcast.message', { center: 'مرکز آزمون', text: 'Meeting at 10 — جلسه ساعت 10' }, 'fa');
    expect(broadcast.text).toBe('پیام «مرکز آزمون»:\n\nMeeting at 10 — جلسه ساعت 10');
    expect(broadcast.replyMarkup).toBeUndefined();
  });

  it('an unknown language falls back to Persian; an unknown template is an error (the message fails, not the sender)', () => {
    expect(renderNotification('task.assigned', { title: 'تراز' }, 'de').text).toBe('کار تازه به شما سپرده شد: تراز');
    expect(() => renderNotification('no.such.template', {}, 'fa')).toThrow(UnknownTemplateError);
  });
});
