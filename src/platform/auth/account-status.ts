import type { Tx } from '../db/transaction.js';

/**
 * Ends a person's sign-in the moment they leave the service (issue 17 item 4): the account is disabled
 * and its sessions deleted in the caller's transaction, so no request after the commit is served for it
 * (the access revision moves on by trigger). Returns whether there was an active account to disable.
 */
export async function disableAccountOf(trx: Tx, staffId: number): Promise<boolean> {
  const account = await trx.selectFrom('auth_accounts').select(['id', 'disabled']).where('staff_id', '=', staffId).executeTakeFirst();
  if (!account) return false;
  await trx.deleteFrom('auth_sessions').where('account_id', '=', account.id).execute();
  if (account.disabled) return false;
  await trx.updateTable('auth_accounts').set((eb) => ({ disabled: true, version: eb('version', '+', 1) })).where('id', '=', account.id).execute();
  return true;
}
