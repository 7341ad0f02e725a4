import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../shared/domain';

/** What to look at before exporting: the facts no answer backs, and the [fill in] marks still left. */
export function ResumeCheck({ unsupported, hasGaps }: { unsupported: Interview['unsupported']; hasGaps: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      className={unsupported.length ? 'builder-check builder-check--warn' : 'builder-check'}
      aria-label={t('builder.check')}
      data-testid="resume-check"
    >
      <h3>{t('builder.check')}</h3>
      {unsupported.length ? (
        <>
          <p>{t('builder.checkHint')}</p>
          <ul>
            {unsupported.map((claim) => (
              <li key={`${claim.kind}:${claim.text}`}>
                <strong>{claim.text}</strong> <span className="hint">({t(`builder.claimKinds.${claim.kind}`)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('builder.checkOk')}</p>
      )}
      {hasGaps ? <p className="hint">{t('builder.gaps')}</p> : null}
    </section>
  );
}
