package app.tonehone.common.http;

import app.tonehone.common.error.ApiException;
import app.tonehone.common.error.InvalidFieldsException;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;

/**
 * Strong entity tags made from a row's {@code version} ({@code "3"}), and the {@code If-Match}
 * precondition of a write (RFC 9110 section 13.1.1): absent, the write is unconditional;
 * {@code *} matches any existing resource; otherwise one of the listed tags must equal the
 * current one by strong comparison (a weak {@code W/"3"} never matches). A mismatch is 412.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final IfMatch NONE = new IfMatch(false, List.of());
    private static final IfMatch ANY = new IfMatch(true, List.of());

    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean any, List<String> strongTags) {
        this.any = any;
        this.strongTags = strongTags;
    }

    /** The ETag of a resource at {@code version}. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Reads the header's value; null or blank means no precondition. Malformed: 400 naming the header. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return ANY;
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0) {
                throw malformed();
            }
            if (!weak) {
                tags.add(value.substring(open + 1, close));
            }
            i = skipSeparator(value, close + 1);
        }
        return new IfMatch(false, List.copyOf(tags));
    }

    private static int skipSeparator(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        if (i == value.length()) {
            return i;
        }
        if (value.charAt(i) != ',') {
            throw malformed();
        }
        i++;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        if (i == value.length()) {
            throw malformed();
        }
        return i;
    }

    private static InvalidFieldsException malformed() {
        return InvalidFieldsException.of(HEADER, "must be * or a list of quoted entity tags");
    }

    /** Whether the request carried a precondition at all. */
    public boolean isPresent() {
        return this != NONE;
    }

    /** Passes when there is no precondition or it matches the resource at {@code version}; else 412. */
    public void check(long version) {
        if (this == NONE || any || strongTags.contains(Long.toString(version))) {
            return;
        }
        throw preconditionFailed();
    }

    /** 412: the resource is no longer the one the client read. */
    private static ApiException preconditionFailed() {
        return new ApiException(412, "The resource has changed since it was read (If-Match does not match its ETag)");
    }
}
