package app.tonehone.auth;

import app.tonehone.common.validation.CodePointLength;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request and response bodies of /api/v1/auth. */
public final class AuthDtos {

    private AuthDtos() {
    }

    /** Passwords: 8 to 256 characters; Argon2id has no length cut-off, unlike bcrypt's 72 bytes. */
    public record Credentials(
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull @CodePointLength(min = 8, max = 256) String password) {
    }

    public record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 256) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    public record PasswordChange(
            @NotNull @Size(max = 256) String currentPassword,
            @NotNull @CodePointLength(min = 8, max = 256) String newPassword) {
    }

    public record TokenResponse(UUID userId, String accessToken, long expiresIn, String refreshToken) {
    }
}
