package org.traytalk.trust;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;

/**
 * Keeps the {@link Identity} in one small file in the data folder, readable by its owner only: magic {@code TTID},
 * version 1, the Ed25519 seed, the X25519 private key, and 8 bytes of SHA-256 over all before, so damage is found
 * instead of silently becoming a new identity. Written once, atomically; never rewritten.
 */
public final class IdentityFile {
    public static final String NAME = "identity.key";
    private static final Logger LOG = LoggerFactory.getLogger(IdentityFile.class);
    private static final byte[] MAGIC = {'T', 'T', 'I', 'D'};
    private static final int VERSION = 1;
    private static final int BODY_BYTES = MAGIC.length + 1 + 32 + 32;
    private static final int CHECK_BYTES = 8;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private IdentityFile() {
    }

    /** The identity stored in {@code file}, made and stored first if there is none. */
    public static Identity loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        Identity fresh = new Identity(Ed25519.generate(random), X25519.generate(random));
        write(file, fresh); // only the process that owns the node (control.InstanceLock) gets here
        LOG.info("Made a new TrayTalk identity {} in {}", fresh.publicKey().fingerprint(), file);
        return fresh;
    }

    static Identity load(Path file) throws IOException {
        keepPrivate(file);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != BODY_BYTES + CHECK_BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != VERSION
                || !Arrays.equals(check(Arrays.copyOf(bytes, BODY_BYTES)), Arrays.copyOfRange(bytes, BODY_BYTES,
                bytes.length))) {
            throw new IOException("The identity file " + file + " is damaged. Move it aside and start TrayTalk again"
                    + " to make a new identity; your peers will then be warned that your key changed and must accept"
                    + " the new one.");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length + 1, 64);
        byte[] seed = new byte[32];
        byte[] agreement = new byte[32];
        in.get(seed).get(agreement);
        return new Identity(Ed25519.keyPair(seed), X25519.keyPair(agreement));
    }

    private static void write(Path file, Identity identity) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES).put(MAGIC).put((byte) VERSION)
                .put(identity.signing().seed()).put(identity.agreement().privateKey());
        byte[] bytes = ByteBuffer.allocate(BODY_BYTES + CHECK_BYTES).put(body.array()).put(check(body.array())).array();
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), privateAttributes(file))) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
        restrictAcl(temp);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }

    private static FileAttribute<?>[] privateAttributes(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }

    /** Tightens a key file that others can read (copied around, restored from a backup). */
    private static void keepPrivate(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warn("{} could be read by other users; made it private to its owner", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        restrictAcl(file);
    }

    /** On Windows: only the owner may read or change the file, whatever the folder would pass on. */
    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }

    private static byte[] check(byte[] body) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 has SHA-256", e);
        }
    }
}
