package org.govshare.platform.internal.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL server binaries unpacked once per machine from the Maven artifact that carries them
 * (found by zonky's resolver for this OS and CPU), shared by every run and test JVM.
 */
final class PostgresDistribution {

    private static final String MARKER = ".complete";

    private PostgresDistribution() {
    }

    static Path unpacked(Path cacheRoot) {
        String system = System.getProperty("os.name");
        String arch = normalisedArch();
        try (InputStream probe = resolve(system, arch)) {
            long size = probe.transferTo(OutputStream.nullOutputStream());
            Path target = cacheRoot.resolve("pg-" + system.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + arch + "-" + size);
            if (Files.exists(target.resolve(MARKER))) {
                return target;
            }
            Files.createDirectories(cacheRoot);
            try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(target.resolve(MARKER))) {
                    extract(resolve(system, arch), target);
                    Files.createFile(target.resolve(MARKER));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL binaries", e);
        }
    }

    private static InputStream resolve(String system, String arch) throws IOException {
        InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
        if (in == null) {
            throw new IOException("No embedded PostgreSQL binaries for " + system + "/" + arch
                    + "; configure an external database with spring.datasource.url");
        }
        return in;
    }

    private static String normalisedArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return perms;
    }
}
