/**
 * The panel's home page: what waits for a decision, this Jalali month's
 * confirmed cash by fund and by center, centers by license state, overdue
 * trustee tasks, and the spreadsheets to download. Data from the dashboard
 * handler (admin/dashboard), already scoped to the logged-in admin.
 */
import React, { useEffect, useState } from 'react';
import { Box, H2, H5, Loader, MessageBox, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation } from 'adminjs';
import type { DashboardData, DashboardRefusal } from '../../dashboard/dashboard-data.ts';
import { formatJalali, formatJalaliMonth } from '../jalali/jalali-value.ts';
import { formatNumber, langOf, type Lang } from '../lang.ts';
import { formatTomanNumber, parseRial } from '../money/money-value.ts';
import { BarChart, type Bar } from './BarChart.tsx';

/** The order people read license states in: the living centers first. */
const LICENSE_ORDER = ['LICENSED', 'APPLIED', 'SUSPENDED', 'EXPIRED', 'REVOKED', 'REJECTED', 'DISSOLVED'];
const COLORS = { approvals: '#E08A1E', funds: '#2E8B57', centers: '#3F6FD8', licenses: '#7A5AC8', balances: '#1F7A8C' };

type Translate = (key: string, options?: Record<string, unknown>) => string;

function Card(props: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Box
      variant="container"
      data-testid={props.testId}
      style={{ flex: '1 1 340px', minWidth: 300, margin: 8, boxSizing: 'border-box' }}
      p="xl"
    >
      <H5 mb="lg">{props.title}</H5>
      {props.children}
    </Box>
  );
}

function Empty(props: { text: string }) {
  return (
    <Text color="grey60" variant="sm">
      {props.text}
    </Text>
  );
}

function moneyBar(key: string, label: string, rialText: string, t: Translate, lang: Lang, href?: string): Bar {
  const rial = parseRial(rialText) ?? 0n;
  return { key, label, value: Number(rial), display: t('Money.toman', { amount: formatTomanNumber(rial, lang) }), href };
}

function scopeText(data: DashboardData, t: Translate): string {
  if (data.scope.kind === 'province') return t('Dashboard.scope.province');
  return t(`Dashboard.scope.${data.scope.kind}`, { name: data.scope.name });
}

/** What the area's funds hold now: by fund, and (beyond one center) by center. */
function BalancesCard(props: { data: DashboardData; t: Translate; lang: Lang }) {
  const { data, t, lang } = props;
  const b = data.fundBalances;
  if (!b) return null;
  const funds = b.byFund.map((f) => moneyBar(f.fund, t(`Dashboard.funds.${f.fund}`), f.rial, t, lang));
  const centers = b.byCenter.map((c, i) => moneyBar(`b${i}`, c.name, c.rial, t, lang));
  if ((parseRial(b.otherCentersRial) ?? 0n) !== 0n) centers.push(moneyBar('others', t('Dashboard.otherCenters'), b.otherCentersRial, t, lang));
  const title = t('Dashboard.balancesTitle');
  return (
    <Card title={title} testId="dashboard-balances">
      {funds.length ? (
        <>
          <BarChart bars={funds} color={COLORS.balances} label={t('Dashboard.chartLabel', { title })} testId="chart-balances" />
          <Text fontWeight="bold" mt="lg" mb="lg" data-testid="dashboard-balances-total">
            {t('Dashboard.total', { amount: t('Money.toman', { amount: formatTomanNumber(parseRial(b.totalRial) ?? 0n, lang) }) })}
          </Text>
          {data.scope.kind !== 'center' && centers.length ? (
            <BarChart bars={centers} color={COLORS.balances} label={t('Dashboard.chartLabel', { title: t('Dashboard.balancesByCenter') })} testId="chart-balances-centers" />
          ) : null}
        </>
      ) : (
        <Empty text={t('Dashboard.noBalances')} />
      )}
    </Card>
  );
}

function Content(props: { data: DashboardData; t: Translate; lang: Lang }) {
  const { data, t, lang } = props;
  const n = (v: number) => formatNumber(v, lang);
  const month = formatJalaliMonth(data.month.start, lang);
  const approvals: Bar[] = data.pendingApprovals.map((a) => ({
    key: a.kind,
    label: t(`Dashboard.approvalKinds.${a.kind}`),
    value: a.count,
    display: n(a.count),
  }));
  if (data.reportedDonations > 0)
    approvals.push({ key: 'reported', label: t('Dashboard.reportedDonations'), value: data.reportedDonations, display: n(data.reportedDonations) });
  const funds = data.confirmedByFund.map((f) => moneyBar(f.fund, t(`Dashboard.funds.${f.fund}`), f.rial, t, lang));
  const centers = data.confirmedByCenter.map((c, i) => moneyBar(`c${i}`, c.name, c.rial, t, lang, c.reportHref));
  if ((parseRial(data.otherCentersRial) ?? 0n) > 0n) centers.push(moneyBar('others', t('Dashboard.otherCenters'), data.otherCentersRial, t, lang));
  const licenses: Bar[] = [...data.centersByLicenseState]
    .sort((a, b) => LICENSE_ORDER.indexOf(a.state) - LICENSE_ORDER.indexOf(b.state))
    .map((s) => ({ key: s.state, label: t(`Dashboard.licenseStates.${s.state}`), value: s.count, display: n(s.count) }));
  const total = t('Dashboard.total', { amount: t('Money.toman', { amount: formatTomanNumber(parseRial(data.confirmedTotalRial) ?? 0n, lang) }) });

  return (
    <Box flex flexDirection="row" flexWrap="wrap" style={{ margin: -8 }}>
      <Card title={t('Dashboard.pendingTitle')} testId="dashboard-pending">
        {approvals.length ? <BarChart bars={approvals} color={COLORS.approvals} label={t('Dashboard.chartLabel', { title: t('Dashboard.pendingTitle') })} testId="chart-pending" /> : <Empty text={t('Dashboard.noPending')} />}
      </Card>
      <Card title={t('Dashboard.byFundTitle', { month })} testId="dashboard-funds">
        {funds.length ? (
          <>
            <BarChart bars={funds} color={COLORS.funds} label={t('Dashboard.chartLabel', { title: t('Dashboard.byFundTitle', { month }) })} testId="chart-funds" />
            <Text fontWeight="bold" mt="lg" data-testid="dashboard-total">
              {total}
            </Text>
          </>
        ) : (
          <Empty text={t('Dashboard.noDonations')} />
        )}
      </Card>
      {data.scope.kind !== 'center' ? (
        <Card title={t('Dashboard.byCenterTitle', { month })} testId="dashboard-centers">
          {centers.length ? <BarChart bars={centers} color={COLORS.centers} label={t('Dashboard.chartLabel', { title: t('Dashboard.byCenterTitle', { month }) })} testId="chart-centers" /> : <Empty text={t('Dashboard.noDonations')} />}
        </Card>
      ) : null}
      <BalancesCard data={data} t={t} lang={lang} />
      <Card title={t('Dashboard.centersTitle')} testId="dashboard-licenses">
        {licenses.length ? <BarChart bars={licenses} color={COLORS.licenses} label={t('Dashboard.chartLabel', { title: t('Dashboard.centersTitle') })} testId="chart-licenses" /> : <Empty text={t('Dashboard.noCenters')} />}
        {data.licensesExpiringSoon.count ? (
          <Text mt="lg" fontWeight="bold" data-testid="dashboard-expiring">
            <a href={data.licensesExpiringSoon.href}>{t('Dashboard.expiringSoon', { count: n(data.licensesExpiringSoon.count) })}</a>
          </Text>
        ) : null}
      </Card>
      <Card title={t('Dashboard.overdueTitle')} testId="dashboard-overdue">
        {data.overdueTasks.count ? (
          <>
            <Text mb="lg" fontWeight="bold">
              {t('Dashboard.overdueCount', { count: n(data.overdueTasks.count) })}
            </Text>
            <Box as="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
              {data.overdueTasks.oldest.map((task, i) => (
                <li key={i} style={{ marginBottom: 8 }}>
                  <Text as="span" fontWeight="bold">
                    {task.title}
                  </Text>
                  <Text variant="sm" color="grey60">
                    {[task.centerName, task.assigneeRole ? t(`Dashboard.trusteeRoles.${task.assigneeRole}`) : null, t('Dashboard.dueOn', { date: formatJalali(task.dueAt, 'datetime', lang) })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </li>
              ))}
            </Box>
            <Text mt="lg" fontWeight="bold" data-testid="dashboard-overdue-all">
              <a href={data.overdueTasks.href}>{t('Dashboard.overdueAll')}</a>
            </Text>
          </>
        ) : (
          <Empty text={t('Dashboard.noOverdue')} />
        )}
      </Card>
      {data.reports.length ? (
        <Card title={t('Dashboard.reportsTitle')} testId="dashboard-reports">
          <Box as="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
            {data.reports.map((r) => (
              <li key={r.href} style={{ marginBottom: 8 }}>
                <a href={r.href} download data-testid={`report-${r.kind}`}>
                  {r.kind === 'overview'
                    ? t('Dashboard.overviewReport')
                    : t('Dashboard.centerMonthReport', {
                        center: r.centerName ?? '',
                        month: r.monthStart ? formatJalaliMonth(r.monthStart, lang) : '',
                      })}
                </a>
              </li>
            ))}
          </Box>
        </Card>
      ) : null}
    </Box>
  );
}

const Dashboard = () => {
  const { tc, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const t: Translate = (key, options) => tc(key, options);
  const [state, setState] = useState<{ data?: DashboardData; failed?: boolean; refused?: boolean }>({});

  useEffect(() => {
    let live = true;
    new ApiClient()
      .getDashboard<DashboardData | DashboardRefusal>()
      .then((res) => {
        if (!live) return;
        if ('error' in res.data) setState({ refused: true });
        else setState({ data: res.data });
      })
      .catch(() => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Box variant="grey" data-testid="dashboard">
      <Box mb="xl">
        <H2 mb="sm">{t('Dashboard.title')}</H2>
        {state.data ? (
          <Text color="grey60" data-testid="dashboard-scope">
            {scopeText(state.data, t)} · {formatJalaliMonth(state.data.month.start, lang)}
          </Text>
        ) : null}
      </Box>
      {state.data ? (
        <Content data={state.data} t={t} lang={lang} />
      ) : state.failed || state.refused ? (
        <MessageBox message={t('Dashboard.loadFailed')} variant="danger" />
      ) : (
        <Box flex justifyContent="center" aria-label={t('Dashboard.loading')}>
          <Loader />
        </Box>
      )}
    </Box>
  );
};

export default Dashboard;
