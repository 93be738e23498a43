import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';

type VaultChannel =
  'vault.status' | 'vault.enable' | 'vault.unlock' | 'vault.lock' | 'vault.change' | 'vault.disable';

export function vaultHandlers(ctx: ServiceContext): Pick<Handlers, VaultChannel> {
  return {
    'vault.status': () => ctx.vault.status(),
    'vault.enable': ({ passphrase }) => ctx.vault.enable(passphrase),
    'vault.unlock': ({ passphrase }) => ctx.vault.unlock(passphrase),
    'vault.lock': () => ctx.vault.lock(),
    'vault.change': ({ current, passphrase }) => ctx.vault.change(current, passphrase),
    'vault.disable': ({ passphrase }) => ctx.vault.disable(passphrase),
  };
}
