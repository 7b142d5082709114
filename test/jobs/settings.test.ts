/** The jobs' environment variables (config.ts → jobs/settings.ts). */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

describe('jobs settings', () => {
  it('defaults: quiet 22-8, tick every 5 minutes, the platform\'s own limits', () => {
    expect(loadConfig({}).jobs).toEqual({
      enabled: true,
      limits: {},
      reminders: { quietHours: { startHour: 22, endHour: 8 }, digestHour: 9, installmentReminderDays: [-3, 0, 3], taskMaxReminders: 5 },
      tickCron: '*/5 * * * *',
    });
  });

  it('reads the rate, the quiet hours and the reminder days', () => {
    const jobs = loadConfig({ SENDER_RATE_PER_SECOND: '20', SENDER_PER_CHAT_PER_SECOND: '0.5', QUIET_HOURS: 'off', REMINDER_INSTALLMENT_DAYS: '-7, -1,0', JOBS_ENABLED: '0' }).jobs;
    expect(jobs.limits).toEqual({ perSecond: 20, perChatPerSecond: 0.5 });
    expect(jobs.reminders.quietHours).toEqual({ startHour: 0, endHour: 0 });
    expect(jobs.reminders.installmentReminderDays).toEqual([-7, -1, 0]);
    expect(jobs.enabled).toBe(false);
  });

  it.each([
    [{ QUIET_HOURS: '25-3' }, 'QUIET_HOURS'],
    [{ QUIET_HOURS: 'nights' }, 'QUIET_HOURS'],
    [{ SENDER_RATE_PER_SECOND: '0' }, 'SENDER_RATE_PER_SECOND'],
    [{ REMINDER_TICK_CRON: 'often' }, 'REMINDER_TICK_CRON'],
    [{ REMINDER_INSTALLMENT_DAYS: 'soon' }, 'REMINDER_INSTALLMENT_DAYS'],
  ])('rejects %o naming %s', (env, name) => {
    try {
      loadConfig(env);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([name]);
    }
  });
});
