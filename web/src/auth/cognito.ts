import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from "amazon-cognito-identity-js";
import type { Config } from "@/config/config";
import { isOrganizer } from "./roles";

/** Who is signed in, as the library's session (kept in localStorage) says; `organizer` only decides what the site offers. */
export type SignedIn = { email: string; accessToken: string; organizer: boolean };

/**
 * Cognito through amazon-cognito-identity-js: the library stores the tokens, refreshes them and
 * decodes them; this only turns its callbacks into promises. E-mail addresses are the user names.
 */
export class Cognito {
  private readonly pool: CognitoUserPool;
  // cognito-local has no SRP; real pools do, and then the password never leaves the browser
  private readonly flow: "USER_PASSWORD_AUTH" | "USER_SRP_AUTH";

  constructor(config: Pick<Config, "userPoolId" | "userPoolClientId" | "cognitoEndpoint">) {
    this.pool = new CognitoUserPool({
      UserPoolId: config.userPoolId,
      ClientId: config.userPoolClientId,
      endpoint: config.cognitoEndpoint,
    });
    this.flow = config.cognitoEndpoint ? "USER_PASSWORD_AUTH" : "USER_SRP_AUTH";
  }

  /** The current session, refreshed by the library when its access token has expired; null when signed out. */
  current(): Promise<SignedIn | null> {
    const user = this.pool.getCurrentUser();
    if (!user) return Promise.resolve(null);
    return new Promise((resolve) => {
      user.getSession((error: Error | null, session: CognitoUserSession | null) => {
        resolve(error || !session?.isValid() ? null : signedIn(session));
      });
    });
  }

  signUp(email: string, password: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pool.signUp(email, password, [new CognitoUserAttribute({ Name: "email", Value: email })], [], (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  confirm(email: string, code: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.user(email).confirmRegistration(code, true, (error) => (error ? reject(error) : resolve()));
    });
  }

  resendCode(email: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.user(email).resendConfirmationCode((error) => (error ? reject(error) : resolve()));
    });
  }

  signIn(email: string, password: string): Promise<SignedIn> {
    const user = this.user(email);
    user.setAuthenticationFlowType(this.flow);
    return new Promise((resolve, reject) => {
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
        onSuccess: (session) => resolve(signedIn(session)),
        onFailure: reject,
      });
    });
  }

  /** Revokes the refresh token (the pool allows it) and forgets the stored session, even if revoking fails. */
  signOut(): Promise<void> {
    const user = this.pool.getCurrentUser();
    if (!user) return Promise.resolve();
    return new Promise((resolve) => {
      user.signOut(() => {
        user.signOut(); // without a callback it only forgets: for when revoking failed before forgetting
        resolve();
      });
    });
  }

  private user(email: string): CognitoUser {
    return new CognitoUser({ Username: email, Pool: this.pool });
  }
}

function signedIn(session: CognitoUserSession): SignedIn {
  const email = session.getIdToken().payload.email;
  const accessToken = session.getAccessToken();
  return { email: typeof email === "string" ? email : "", accessToken: accessToken.getJwtToken(), organizer: isOrganizer(accessToken.payload) };
}
