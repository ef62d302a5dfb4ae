package dev.cascadeviz.scenario;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Every file the project writes (a saved scenario, {@code export -o}, {@code import -o},
 * {@code trace --out}) is written whole or not at all: the text goes to a temporary file beside
 * the target, is forced to disk, and then replaces the target in one rename. On a full disk or
 * any failure the old file stays as it was and the temporary file is removed.
 *
 * <p>Replacing keeps what the user set up: a symbolic link is followed (its target is
 * replaced, the link stays a link), the file's permissions stay, and so do its owner and group
 * where this process may set them. A read-only file is not replaced unless the caller says so
 * (the window asks first): {@link ReadOnlyFileException}. Messages name the user's file, never
 * the temporary one.
 */
public final class AtomicFiles {

    /** Writes the content to a writer; the seam that tests use to fail a write midway. */
    @FunctionalInterface
    public interface Content {
        void write(Writer out) throws IOException;
    }

    /** The file exists and is not writable: ask before calling again with {@code overwriteReadOnly}. */
    public static final class ReadOnlyFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        ReadOnlyFileException(Path file) {
            super(file + " is read-only");
            this.file = file;
        }

        /** The file as the caller named it. */
        public Path file() {
            return file;
        }
    }

    private AtomicFiles() {
    }

    /** Writes UTF-8 text to the file atomically; refuses a read-only file. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text), false);
    }

    /**
     * Writes the content to the file atomically (see the class comment).
     *
     * @param overwriteReadOnly replace the file even when it is read-only (after the user agreed)
     * @throws ReadOnlyFileException when the file is read-only and overwriteReadOnly is false
     * @throws IOException naming {@code file} when it cannot be written; the old file is unchanged
     */
    public static void write(Path file, Content content, boolean overwriteReadOnly) throws IOException {
        Path target = resolveLinks(file);
        PosixFileAttributes old = null;
        if (Files.exists(target)) {
            if (Files.isDirectory(target)) {
                throw new IOException(file + " is a directory");
            }
            old = posix(target);
            if (!overwriteReadOnly && readOnly(target, old)) {
                throw new ReadOnlyFileException(file);
            }
        }
        Path dir = target.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failure(file, e);
        }
        boolean moved = false;
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.write(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepAttributes(temp, old);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw failure(file, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that is what the caller hears about
                }
            }
        }
    }

    /** The file a chain of symbolic links ends at (the path itself when it is no link). */
    static Path resolveLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(file + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }

    /**
     * Not writable by this process, or marked read-only for everyone (no write permission at all:
     * even root, who may write it, is asked first).
     */
    private static boolean readOnly(Path file, PosixFileAttributes attributes) {
        if (!Files.isWritable(file)) {
            return true;
        }
        if (attributes == null) {
            return false;
        }
        var p = attributes.permissions();
        return !p.contains(PosixFilePermission.OWNER_WRITE)
                && !p.contains(PosixFilePermission.GROUP_WRITE)
                && !p.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static PosixFileAttributes posix(Path file) {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Gives the new file the old one's permissions, and its owner and group where allowed. */
    private static void keepAttributes(Path temp, PosixFileAttributes old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (old == null) {
            // A new file: the permissions a plain create would give (umask applied), not a temporary file's 0600.
            Path probe = temp.resolveSibling(temp.getFileName() + ".mode");
            try {
                Files.deleteIfExists(probe);
                Files.createFile(probe);
                view.setPermissions(Files.getPosixFilePermissions(probe));
            } finally {
                Files.deleteIfExists(probe);
            }
            return;
        }
        try {
            view.setOwner(old.owner());
            view.setGroup(old.group());
        } catch (IOException | SecurityException e) {
            // Only the owner's own group or root may change these: the saved file then belongs to whoever saved.
        }
        view.setPermissions(old.permissions());
    }

    /** The failure, said about the user's file (the temporary file is an implementation detail). */
    private static IOException failure(Path file, IOException e) {
        if (e instanceof ReadOnlyFileException) {
            return e;
        }
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        IOException out = new IOException("cannot write " + file + ": " + reason, e);
        return out;
    }
}
