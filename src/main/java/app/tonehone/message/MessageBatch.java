package app.tonehone.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A batch import: 1 to 1000 messages, stored all or nothing, in this order. */
public record MessageBatch(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid MessageInput> messages) {
}
