import { main } from './hosts/cli/index';
import { terminalSecretPrompt } from './hosts/cli/secret';

const untilStopped = () =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });

void main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  untilStopped,
  askSecret: terminalSecretPrompt(process.stdin, process.stderr),
}).then((code) => {
  process.exitCode = code;
});
