package org.traytalk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file or folder is the user's own: owned by the user running TrayTalk and writable by nobody else. TrayTalk
 * keeps its history and its control socket in such folders only; in one that another user owns or may write to, that
 * user could plant a socket that receives every command, message text included. Checked where the file system has
 * POSIX owners and modes (Windows keeps per-user profile folders private by itself).
 */
public final class Ownership {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private Ownership() {
    }

    /** The user this process runs as, when the file system can name it. */
    public static Optional<UserPrincipal> currentUser(Path onFileSystemOf) {
        try {
            return Optional.of(onFileSystemOf.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // a user without a name (no passwd entry): only the modes can be checked
        }
    }

    /** Why {@code path} (or what it links to) is not the user's own, or empty when it is or cannot be told. */
    public static Optional<String> problem(Path path) throws IOException {
        return problem(path, currentUser(path));
    }

    /** As {@link #problem(Path)}, for the user {@code me} (empty: a user without a name, whose modes still count). */
    public static Optional<String> problem(Path path, Optional<UserPrincipal> me) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        UserPrincipal owner = Files.getOwner(path);
        if (me.isPresent() && !me.get().equals(owner)) {
            return Optional.of(path + " belongs to the user " + owner.getName() + ", not to you ("
                    + me.get().getName() + ")");
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
        if (modes.stream().anyMatch(OTHERS_WRITE::contains)) {
            return Optional.of("other users may write to " + path + " (mode " + PosixFilePermissions.toString(modes)
                    + ")");
        }
        return Optional.empty();
    }

    /** Refuses a folder that is not the user's own, saying how to fix it. */
    public static void requireOwnFolder(Path dir) throws IOException {
        Optional<String> problem = problem(dir);
        if (problem.isPresent()) {
            throw new IOException("TrayTalk will not use the folder " + dir + ": " + problem.get() + ", so they could"
                    + " read your messages or plant files that take your commands. Use a folder of your own"
                    + " (--home or " + AppDirs.HOME_ENV + "), or make this one yours: chown to you and chmod go-w.");
        }
    }
}
