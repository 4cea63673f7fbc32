// A fresh script nonce for each HTML document the panel sets: the CSP allows only scripts
// carrying it, so it must be unguessable (crypto, not Math.random).
import { randomBytes } from 'crypto';

export function createNonce(): string {
  // 18 bytes: 144 bits of entropy, and base64 of it needs no '=' padding.
  return randomBytes(18).toString('base64');
}
