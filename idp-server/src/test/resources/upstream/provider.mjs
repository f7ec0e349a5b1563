// A real OpenID Connect provider for the upstream-login tests: npm oidc-provider (an OpenID-certified implementation)
// with its development login and consent forms, bound to 127.0.0.1 only.
// Usage: node provider.mjs <oidc-provider package dir> <port> <clients as JSON: [{client_id, client_secret, redirect_uris}]>
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageDir, port, clientsJson] = process.argv.slice(2);
const { default: Provider } = await import(pathToFileURL(path.join(packageDir, 'lib/index.js')).href);

// The people who can log in here. The login name typed into the development form is the subject; a name not listed
// gets a verified address <name>@corp.example.
const PEOPLE = {
  unverified: { email: 'unverified@corp.example', email_verified: false },
  outsider: { email: 'outsider@elsewhere.example', email_verified: true },
  noemail: {},
};

function claimsOf(sub) {
  const listed = PEOPLE[sub];
  const claims = listed ?? { email: `${sub}@corp.example`, email_verified: true };
  return { sub, ...claims, name: `Person ${sub}` };
}

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: JSON.parse(clientsJson).map((client) => ({
    ...client,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  // The claims of the requested scopes go into the ID token too (as Google's and Keycloak's do by default).
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => claimsOf(sub) }),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['callsign-test-only-cookie-key'] },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));

http.createServer(provider.callback()).listen(Number(port), '127.0.0.1', () => {
  console.log(`listening ${issuer}`);
});
