package app.tonehone.common.pagination;

import io.smallrye.config.ConfigMapping;

/**
 * The key that signs list cursors. Every replica must share it (a cursor from one replica is
 * followed on another), so it is configuration, not generated at start-up. It has no
 * default: production must set {@code TONEHONE_CURSOR_SIGNING_KEY}, or the service does not
 * start. Changing it invalidates the cursors in flight (clients restart from the first page).
 */
@ConfigMapping(prefix = "tonehone.cursor")
public interface CursorConfig {

    /** Base64 of at least 32 random bytes, e.g. {@code openssl rand -base64 32}. */
    String signingKey();
}
