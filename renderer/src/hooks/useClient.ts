import { use } from 'react';
import type { ContractClient } from '../api/client';
import { ContractContext } from '../api/ContractProvider';

/** The contract client for actions (saving, sending); loading goes through `useContract`. */
export function useClient(): ContractClient {
  const client = use(ContractContext);
  if (!client) throw new Error('useClient needs <ContractProvider> above it');
  return client;
}
