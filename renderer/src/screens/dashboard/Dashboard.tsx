import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

export function Dashboard() {
  const { t } = useTranslation();
  const steps = t('dashboard.steps', { returnObjects: true });
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <EmptyState title={t('dashboard.emptyTitle')} text={t('dashboard.emptyText')}>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </EmptyState>
    </>
  );
}
