import { createRequire } from 'node:module';
import type * as wasiModule from 'node:wasi';

const wasiWarning = 'WASI is an experimental feature';

/**
 * `node:wasi`, loaded without the one warning it prints on load ("WASI is an experimental
 * feature…"): flite depends on it knowingly, and operators would otherwise see that line
 * at every start. Every other warning still reaches the log. The module is loaded on first
 * use, not imported, because a static import would warn before any code here could run.
 */
export function loadWasi(): typeof wasiModule.WASI {
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  const emitWarning = process.emitWarning.bind(process) as (
    warning: string | Error,
    ...rest: unknown[]
  ) => void;
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (!text.startsWith(wasiWarning)) emitWarning(warning, ...rest);
  };
  process.emitWarning = filtered;
  try {
    const require = createRequire(import.meta.url);
    return (require('node:wasi') as typeof wasiModule).WASI;
  } finally {
    if (original !== undefined) Object.defineProperty(process, 'emitWarning', original);
  }
}
