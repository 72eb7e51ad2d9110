// The stand-in's SCRAM-SHA-256 against RFC 7677's worked example, so the real client's
// logins are checked by a server that does the protocol right, and refuses a wrong proof.
import { describe, expect, it } from "vitest";
import { AuthenticationFailed, credentialsFor, ScramConversation } from "./scram.ts";

// RFC 7677, section 3: user "user", password "pencil".
const SALT = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
const CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
const SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const SERVER_FIRST = `r=rOprNGfwEbeRWgbNEkqO${SERVER_NONCE},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`;
const CLIENT_FINAL = `c=biws,r=rOprNGfwEbeRWgbNEkqO${SERVER_NONCE},p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=`;
const SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

describe("SCRAM-SHA-256 (server side)", () => {
  it("answers RFC 7677's client with the RFC's server-first and server-final messages", () => {
    const scram = new ScramConversation((user) => (user === "user" ? credentialsFor("pencil", SALT, 4096) : undefined), SERVER_NONCE);
    expect(scram.start(CLIENT_FIRST)).toBe(SERVER_FIRST);
    expect(scram.finish(CLIENT_FINAL)).toBe(SERVER_FINAL);
    expect(scram.user).toBe("user");
  });

  it("refuses the same proof for another password, and an unknown user", () => {
    const wrong = new ScramConversation(() => credentialsFor("pencils", SALT, 4096), SERVER_NONCE);
    wrong.start(CLIENT_FIRST);
    expect(() => wrong.finish(CLIENT_FINAL)).toThrow(AuthenticationFailed);
    const unknown = new ScramConversation(() => undefined, SERVER_NONCE);
    unknown.start(CLIENT_FIRST);
    expect(() => unknown.finish(CLIENT_FINAL)).toThrow(AuthenticationFailed);
  });
});
