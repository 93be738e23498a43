import type { SecretStore } from '../../src-main/services/ai/keychain';

/**
 * Stands in for the OS keychain in tests that are about something else (the keychain itself is tested for real
 * under D-Bus in src-main/services/ai/keychain.test.ts). `failing` makes every call fail like a locked keychain.
 */
export function memorySecrets(failing?: Error): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const guard = () => {
    if (failing) throw failing;
  };
  return {
    entries,
    get: async (account) => (guard(), entries.get(account) ?? null),
    set: async (account, secret) => void (guard(), entries.set(account, secret)),
    delete: async (account) => (guard(), entries.delete(account)),
    available: async () => (failing ? { ok: false, reason: failing.message } : { ok: true }),
  };
}
