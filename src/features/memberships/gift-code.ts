import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 symbols of 5 bits: 100 bits, far beyond guessing at any rate limit. */
export const giftCodeLength = 20;

export function newGiftCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < giftCodeLength; i += 1) {
    code += alphabet.charAt(Number(bits & 31n));
    bits >>= 5n;
  }
  return code;
}

/** A code as typed or linked (any case, hyphens, spaces, O for 0) in its stored form. */
export function toGiftCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== giftCodeLength) return null;
  for (const char of clean) if (!alphabet.includes(char)) return null;
  return clean;
}

/** `ABCDE-FGHJK-MNPQR-STVWX`, for people to read. */
export function formatGiftCode(code: string): string {
  return code.match(/.{1,5}/g)?.join('-') ?? code;
}
