package io.rlarena.train;

/** Where training shows how far it got: a progress bar on a terminal, periodic lines otherwise. */
public interface Progress extends AutoCloseable {

    /** Training reached {@code step}; {@code status} summarises recent episodes. */
    void update(long step, String status);

    /** Something the user should read (a warning, a fallback taken), on a line of its own. */
    void note(String message);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void update(long step, String status) {
        }

        @Override
        public void note(String message) {
        }

        @Override
        public void close() {
        }
    };
}
