import { useState } from 'react';
import type { ApplicationView, ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

export type Proposal = ChannelOutput<'letters.rewrite'>;

/**
 * Rewrite with the AI: the new text is only a proposal until accepted (letters.update with
 * keepPrevious, so the old text can come back once through letters.revert).
 */
export function useRewrite(
  view: ApplicationView,
  options: { save(): Promise<ApplicationView | undefined>; onReplaced(view: ApplicationView): void },
) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<Proposal>();
  const applicationId = view.application.id;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    proposal,
    reject: () => setProposal(undefined),
    rewrite: (wish: string) =>
      run(async () => {
        // The rewrite starts from the letter as stored: what is typed is saved first.
        if (!(await options.save())) return;
        const result = await client.invoke('letters.rewrite', { applicationId, instruction: wish.trim() });
        if (report(result)) setProposal(result.value);
      }),
    accept: (letter: string) =>
      run(async () => {
        const result = await client.invoke('letters.update', { applicationId, letter, keepPrevious: true });
        if (!report(result)) return;
        setProposal(undefined);
        options.onReplaced(result.value);
      }),
    revert: () =>
      run(async () => {
        const result = await client.invoke('letters.revert', { applicationId });
        if (report(result)) options.onReplaced(result.value);
      }),
  };
}
