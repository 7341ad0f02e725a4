import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract';
import { useFormat } from '../../format/useFormat';

const FUNNEL = ['found', 'drafted', 'sent', 'viewed', 'invited'] as const;
// The theme's colours (styles.css): the charts follow light and dark like the rest of the window.
const COLOURS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--ok)'];

/** Found -> letters -> sent -> viewed -> invited, as horizontal bars with their counts. */
export function Funnel({ funnel }: { funnel: Dashboard['funnel'] }) {
  const { t } = useTranslation();
  const data = FUNNEL.map((step) => ({ step: t(`dashboard.funnel.${step}`), value: funnel[step] }));
  return (
    <section className="card dash-chart" aria-labelledby="funnel-title" data-testid="funnel">
      <h2 id="funnel-title">{t('dashboard.funnel.title')}</h2>
      <p className="hint">{t('dashboard.funnel.hint')}</p>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 32 }}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="step"
            width={110}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            axisLine={false}
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--bg)' }}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--line)', borderRadius: 8 }}
          />
          <Bar
            dataKey="value"
            name={t('dashboard.funnel.title')}
            radius={[0, 6, 6, 0]}
            label={{ position: 'right', fill: 'var(--ink)', fontSize: 12 }}
            isAnimationActive={false}
          >
            {data.map((entry, index) => (
              <Cell key={entry.step} fill={COLOURS[index]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </section>
  );
}

/** Applications sent and invitations per day of the period. */
export function PerDay({ perDay }: { perDay: Dashboard['perDay'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = perDay.map((day) => ({ ...day, label: fmt.date(`${day.date}T12:00:00`) }));
  return (
    <section className="card dash-chart" aria-labelledby="per-day-title" data-testid="per-day">
      <h2 id="per-day-title">{t('dashboard.perDay.title')}</h2>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ left: -16, right: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--line)" />
          <XAxis
            dataKey="label"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--line)' }}
            interval="preserveStartEnd"
          />
          <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 12 }} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'var(--bg)' }}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--line)', borderRadius: 8 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="sent" name={t('dashboard.perDay.sent')} fill="var(--chart-3)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="invited" name={t('dashboard.perDay.invited')} fill="var(--ok)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </section>
  );
}
