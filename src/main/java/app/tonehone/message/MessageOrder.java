package app.tonehone.message;

/** Which way a message page runs: newest first (default) or oldest first. */
enum MessageOrder {
    DESC, ASC
}
