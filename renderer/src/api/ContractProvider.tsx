import { createContext, type ReactNode } from 'react';
import type { ContractClient } from './client';

export const ContractContext = createContext<ContractClient | undefined>(undefined);

/** The app renders inside this only once it has a client, so no screen has to ask whether there is one. */
export function ContractProvider({ client, children }: { client: ContractClient; children: ReactNode }) {
  return <ContractContext value={client}>{children}</ContractContext>;
}
