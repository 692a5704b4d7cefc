// A real OpenID Connect provider for the single sign-on tests: panva/oidc-provider (MIT),
// started on loopback by tests/oidc/conftest.py. Not for production.
//
// Environment: OIDC_PORT (port on 127.0.0.1), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_REDIRECT_URIS (the product's callbacks, separated by commas), OIDC_ACCOUNTS (JSON:
// {account id: claims}).
// The provider's own development sign-in pages ask for a login (the account id) and a
// password (not checked), then for consent. Prints "ready <issuer>" once it listens.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || "{}");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: process.env.OIDC_REDIRECT_URIS.split(","),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email"],
    profile: ["preferred_username", "given_name", "family_name", "roles"],
  },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(accounts, id)) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  pkce: { required: () => true },
  cookies: { keys: ["zorgvuldig-test-only"] },
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

provider.listen(port, "127.0.0.1", () => {
  console.log(`ready ${issuer}`);
});
