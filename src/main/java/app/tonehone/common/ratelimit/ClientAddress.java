package app.tonehone.common.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address for rate limits. Quarkus rewrites it from Forwarded/X-Forwarded-For
 * only when the direct peer is one of {@code quarkus.http.proxy.trusted-proxies}; from
 * anyone else those headers are ignored, so a client cannot pick its own bucket.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
