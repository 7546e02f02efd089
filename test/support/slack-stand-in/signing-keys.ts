import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { opaque } from './ids';

/** An RS256 key pair with its key id. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = opaque(8);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/**
 * The keys the stand-in signs id_tokens with, made on first use. Rotating adds a new current key
 * and keeps publishing the old ones, as a provider does while old tokens are still about. The
 * stranger key is never published: tokens signed with it fail verification.
 */
export class SigningKeys {
  private published?: Promise<SigningKey[]>;
  private strangerKey?: Promise<SigningKey>;

  /** The key new id_tokens are signed with. */
  async current(): Promise<SigningKey> {
    const keys = await this.all();
    const last = keys[keys.length - 1];
    if (!last) throw new RangeError('no signing key');
    return last;
  }

  /** A key that is not in the published set. */
  stranger(): Promise<SigningKey> {
    this.strangerKey ??= newKey();
    return this.strangerKey;
  }

  /** Makes a new current key; the old ones stay published. */
  async rotate(): Promise<void> {
    const keys = await this.all();
    keys.push(await newKey());
  }

  /** The published key set (`/openid/connect/keys`). */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: (await this.all()).map((key) => key.publicJwk) };
  }

  private all(): Promise<SigningKey[]> {
    this.published ??= newKey().then((key) => [key]);
    return this.published;
  }
}
