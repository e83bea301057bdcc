/**
 * Join tokens from Geoscope decisions, minted in-process by the application's server: {@link
 * io.geoscope.tokens.LiveKitTokens} (LiveKit's video grant, with LiveKit's own SDK) and {@link
 * io.geoscope.tokens.JitsiTokens} (the JWT that Prosody's {@code mod_token_verification} checks,
 * with nimbus-jose-jwt). A denied participant gets no token at all; a disabled feature is a grant
 * withheld; notices travel in the token for the client to show. Nothing here can grant more than
 * the application would have granted without Geoscope.
 */
@NullMarked
package io.geoscope.tokens;

import org.jspecify.annotations.NullMarked;
