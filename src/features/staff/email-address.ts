/** Staff e-mail addresses are compared and stored lowercase, without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A deliberately plain check: one `@`, no spaces, a dot in the domain; at most 254 characters. */
export function isEmailAddress(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
