package app.tonehone.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: 16 bytes of user id and 32 random bytes, base64url. Naming the user lets
 * every refresh and logout run as that user, under row-level security, with no lookup that
 * crosses users; the 256 random bits are the secret. The database keeps only SHA-256 of the
 * whole token (a fast hash is right for a high-entropy secret; passwords get Argon2id).
 */
final class RefreshTokenCodec {

    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_BYTES = 16 + SECRET_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Decoded(UUID userId, byte[] hash) {
    }

    record Issued(String token, byte[] hash) {
    }

    private RefreshTokenCodec() {
    }

    static Issued issue(UUID userId) {
        byte[] raw = new byte[TOKEN_BYTES];
        ByteBuffer.wrap(raw).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits());
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        System.arraycopy(secret, 0, raw, 16, SECRET_BYTES);
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), sha256(raw));
    }

    /** The user and hash of a well-formed token; empty for anything else. */
    static Optional<Decoded> decode(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != TOKEN_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return Optional.of(new Decoded(new UUID(buffer.getLong(), buffer.getLong()), sha256(raw)));
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
