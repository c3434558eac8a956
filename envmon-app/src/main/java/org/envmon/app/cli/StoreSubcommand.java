package org.envmon.app.cli;

import java.util.concurrent.Callable;
import org.envmon.model.Store;
import picocli.CommandLine.Mixin;

/**
 * A subcommand of {@code envmon users} or {@code envmon tokens}: works on the store of {@link StoreOptions} (created
 * if there is none), open for its run only. A store that cannot be opened fails the command as {@link Failures}
 * says.
 */
abstract class StoreSubcommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        try (Store store = storeOptions.openOrCreate()) {
            return run(store);
        }
    }

    /** The work; returns the exit code. */
    abstract int run(Store store) throws Exception;

    /** Exit 1 with the message on stderr: the request itself was refused (unknown account, bad role, ...). */
    static int refused(String message) {
        System.err.println(message);
        return ExitCode.FOUND;
    }
}
